package org.verisimdb.engine.schema;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import org.verisimdb.index.semantic.Contract;
import org.verisimdb.index.semantic.ContractRegistry;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The contracts registered with an open database. Contracts are code, registered by the
 * application after it opens the database, so stored types may refer to a contract not (yet)
 * registered: {@link #lenient()} answers for those with a stand-in that refuses any write that
 * needs it, saying which contract to register.
 */
public final class Contracts implements ContractRegistry {
  private final ConcurrentSkipListMap<String, Contract> byName = new ConcurrentSkipListMap<>();

  /** Registers {@code contract}; a second contract of the same name is INVALID_SEMANTIC. */
  public void register(Contract contract) {
    if (byName.putIfAbsent(contract.name(), contract) != null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "contract", "contract '" + contract.name()
          + "' is already registered; give each contract its own name");
    }
  }

  @Override
  public Optional<Contract> find(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  @Override
  public Set<String> names() {
    return new TreeSet<>(byName.keySet());
  }

  /** This registry, answering for unregistered names with a contract that fails when evaluated. */
  ContractRegistry lenient() {
    return new ContractRegistry() {
      @Override
      public Optional<Contract> find(String name) {
        return Optional.of(Contracts.this.find(name).orElseGet(() -> Contract.of(name, java.util.Map.of(), octad -> {
          throw new VeriSimException(ErrorCode.SCHEMA_NOT_FOUND, "a type of octad " + octad.id() + " requires contract '" + name
              + "', which is not registered with this database; register it (Database.schema().registerContract) before writing such octads");
        })));
      }

      @Override
      public Set<String> names() {
        return Contracts.this.names();
      }
    };
  }
}
