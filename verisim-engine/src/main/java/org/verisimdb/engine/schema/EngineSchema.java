package org.verisimdb.engine.schema;

import java.util.Optional;
import java.util.Set;
import org.verisimdb.engine.Session;
import org.verisimdb.index.semantic.Contract;
import org.verisimdb.index.semantic.TypeDefinition;
import org.verisimdb.index.semantic.TypeHierarchy;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadPatch;

/** {@link Schema} over a database's guard and contracts, writing definitions through a session. */
public final class EngineSchema implements Schema {
  private final SchemaGuard guard;
  private final Contracts contracts;
  private final Session session;

  public EngineSchema(SchemaGuard guard, Contracts contracts, Session session) {
    this.guard = guard;
    this.contracts = contracts;
    this.session = session;
  }

  @Override
  public TypeHierarchy types() {
    return guard.hierarchy();
  }

  @Override
  public Optional<TypeDefinition> type(String name) {
    return guard.hierarchy().definition(name);
  }

  @Override
  public void defineType(TypeDefinition type) {
    if (session.exists(type.id())) {
      session.update(type.id(), OctadPatch.builder().replace(type.toFacet()).build());
    } else {
      session.create(type.toOctadInput());
    }
  }

  @Override
  public void dropType(String name) {
    if (guard.hierarchy().definition(name).isEmpty()) {
      throw new VeriSimException(ErrorCode.SCHEMA_NOT_FOUND, "type '" + name + "' is not defined"
          + org.verisimdb.model.error.Hints.didYouMean(name, guard.hierarchy().types()));
    }
    session.delete(TypeDefinition.idOf(name));
  }

  @Override
  public void registerContract(Contract contract) {
    contracts.register(contract);
  }

  @Override
  public Set<String> contracts() {
    return contracts.names();
  }
}
