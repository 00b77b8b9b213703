package org.verisimdb.engine.schema;

import java.util.Optional;
import java.util.Set;
import org.verisimdb.index.semantic.Contract;
import org.verisimdb.index.semantic.TypeDefinition;
import org.verisimdb.index.semantic.TypeHierarchy;

/**
 * The semantic schema of a database. Types are stored as octads (id
 * {@link TypeDefinition#idOf}), so defining one is an ordinary logged, versioned write; from the
 * commit that defines a type on, every write of an octad of that type or a subtype must satisfy
 * its constraints (CONSTRAINT_VIOLATION otherwise, and nothing is written).
 */
public interface Schema {

  /** The types as of the newest commit. */
  TypeHierarchy types();

  Optional<TypeDefinition> type(String name);

  /**
   * Defines {@code type} or replaces its definition. Its supertypes must be defined, its
   * contracts registered, and no cycle may arise (INVALID_SEMANTIC, SCHEMA_NOT_FOUND).
   */
  void defineType(TypeDefinition type);

  /** Removes a type; INVALID_SEMANTIC while another type names it as a supertype. */
  void dropType(String name);

  /** Registers a contract for constraints and {@code SATISFIES}; contracts are code, registered after each open. */
  void registerContract(Contract contract);

  Set<String> contracts();
}
