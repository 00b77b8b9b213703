package org.verisimdb.index.semantic;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/** The contracts known to a database, by name. Implementations are thread-safe. */
public interface ContractRegistry {

  Optional<Contract> find(String name);

  /** The registered names, for suggestions. */
  Set<String> names();

  /** The contract {@code name}; SCHEMA_NOT_FOUND, naming {@code usedBy}, when it is not registered. */
  default Contract require(String name, String usedBy) {
    return find(name).orElseThrow(() -> new VeriSimException(ErrorCode.SCHEMA_NOT_FOUND, "contract",
        usedBy + " refers to contract '" + name + "', which is not registered" + Hints.didYouMean(name, names())
            + "; register the contract first, or remove the reference", null));
  }

  static ContractRegistry empty() {
    return of();
  }

  static ContractRegistry of(Contract... contracts) {
    return of(Arrays.asList(contracts));
  }

  /** An immutable registry of {@code contracts}; two with one name are an error. */
  static ContractRegistry of(Collection<Contract> contracts) {
    Map<String, Contract> byName = new TreeMap<>();
    for (Contract c : contracts) {
      if (byName.putIfAbsent(c.name(), c) != null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "contract", "contract '" + c.name() + "' is registered twice; give each contract one name");
      }
    }
    Map<String, Contract> fixed = Map.copyOf(byName);
    Set<String> names = Set.copyOf(byName.keySet());
    return new ContractRegistry() {
      @Override
      public Optional<Contract> find(String name) {
        return Optional.ofNullable(name == null ? null : fixed.get(name));
      }

      @Override
      public Set<String> names() {
        return names;
      }
    };
  }
}
