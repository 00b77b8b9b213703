package org.verisimdb.engine.schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.commit.CommitListener;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.index.semantic.Constraints;
import org.verisimdb.index.semantic.TypeDefinition;
import org.verisimdb.index.semantic.TypeHierarchy;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SemanticFacet;

/**
 * Enforces the schema on every commit. A commit that writes type definitions (octads with ids
 * {@value TypeDefinition#ID_PREFIX}…) must leave a valid hierarchy (known supertypes, no cycle,
 * registered contracts); every other octad it writes must satisfy the constraints of its types
 * and their supertypes, as the hierarchy stands after the commit. A commit that breaks either is
 * refused before it is logged (CONSTRAINT_VIOLATION, INVALID_SEMANTIC or SCHEMA_NOT_FOUND) and
 * changes nothing. Octads already stored are not re-checked when a type gains a constraint.
 *
 * <p>{@link #validate} runs under the commit order, so the hierarchy it plans with is that of
 * every earlier commit; {@link #hierarchy()} is what readers use.
 */
public final class SchemaGuard implements CommitListener {
  private final Contracts contracts;
  private final OctadStore store;
  private TypeHierarchy planned;
  private final Map<OctadId, String> plannedNames = new HashMap<>();
  private volatile TypeHierarchy hierarchy;

  private SchemaGuard(Contracts contracts, OctadStore store, TypeHierarchy hierarchy, Map<OctadId, String> names) {
    this.contracts = contracts;
    this.store = store;
    this.planned = hierarchy;
    this.hierarchy = hierarchy;
    this.plannedNames.putAll(names);
  }

  /** The guard of a database whose stores are {@code store}, with the types stored there. */
  public static SchemaGuard load(Contracts contracts, OctadStore store) {
    List<TypeDefinition> definitions = new ArrayList<>();
    Map<OctadId, String> names = new HashMap<>();
    // ids sort in byte order: definitions follow the id just before their prefix, up to the first id past it
    OctadId before = OctadId.of(TypeDefinition.ID_PREFIX.substring(0, TypeDefinition.ID_PREFIX.length() - 1));
    for (var live = store.live(before); live.hasNext(); ) {
      Map.Entry<OctadId, OctadHeader> e = live.next();
      if (!e.getKey().value().startsWith(TypeDefinition.ID_PREFIX)) {
        break;
      }
      TypeDefinition d = TypeDefinition.fromOctad(store.read(e.getKey(), e.getValue(), null, 0));
      definitions.add(d);
      names.put(d.id(), d.name());
    }
    return new SchemaGuard(contracts, store, TypeHierarchy.of(definitions, contracts.lenient()), names);
  }

  /** The types as of the newest commit. */
  public TypeHierarchy hierarchy() {
    return hierarchy;
  }

  @Override
  public synchronized void validate(List<StoredChange> changes) {
    TypeHierarchy next = planned;
    Map<OctadId, String> names = new HashMap<>(plannedNames);
    for (StoredChange c : changes) {
      if (!c.id().value().startsWith(TypeDefinition.ID_PREFIX)) {
        continue;
      }
      String previous = names.remove(c.id());
      if (c.header().live()) {
        TypeDefinition d = TypeDefinition.fromOctad(octad(c));
        d.requireContracts(contracts); // a new or changed definition must name registered contracts
        if (previous != null && !previous.equals(d.name())) {
          next = next.without(previous);
        }
        next = next.with(d, contracts.lenient());
        names.put(c.id(), d.name());
      } else if (previous != null) {
        next = next.without(previous);
      }
    }
    for (StoredChange c : changes) {
      if (c.header().live() && !c.id().value().startsWith(TypeDefinition.ID_PREFIX)
          && c.facets().get(Modality.SEMANTIC) instanceof SemanticFacet s && !s.types().isEmpty()) {
        Constraints.enforce(octad(c), next, contracts); // an unregistered contract is SCHEMA_NOT_FOUND
      }
    }
    planned = next;
    plannedNames.clear();
    plannedNames.putAll(names);
  }

  @Override
  public synchronized void applied(long lsn, List<StoredChange> changes) {
    hierarchy = planned;
  }

  @Override
  public synchronized void imported(long lsn, List<OctadId> ids) {
    OctadStore at = store.at(lsn);
    TypeHierarchy next = planned;
    for (OctadId id : ids) {
      if (id.value().startsWith(TypeDefinition.ID_PREFIX)) {
        OctadHeader h = at.header(id);
        if (h != null && h.live()) {
          TypeDefinition d = TypeDefinition.fromOctad(at.read(id, h, null, 0));
          next = next.with(d, contracts.lenient());
          plannedNames.put(id, d.name());
        }
      }
    }
    planned = next;
    hierarchy = next;
  }

  /** The octad a change leaves, with a temporal facet from its header (the version records are not needed here). */
  private static Octad octad(StoredChange c) {
    OctadHeader h = c.header();
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.putAll(c.facets());
    facets.put(Modality.TEMPORAL, h.temporal(List.of()));
    return new Octad(c.id(), facets);
  }
}
