package org.verisimdb.vql.check;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the checker may know about the database (VQL.md §10.3): the vector dimension, contracts,
 * stores and federation peers, and the limits of §1.5. Whatever it does not know (an empty
 * optional) is not checked; the offline catalog knows none of them. Immutable.
 */
public record Catalog(
    OptionalInt vectorDimension,
    Optional<Map<String, Contract>> contracts,
    Optional<Set<String>> stores,
    Optional<Set<String>> peers,
    int maxLimit,
    int maxHops) {
  public static final int DEFAULT_MAX_LIMIT = 10_000;
  public static final int DEFAULT_MAX_HOPS = 16;

  public Catalog {
    contracts = contracts.map(Map::copyOf);
    stores = stores.map(Set::copyOf);
    peers = peers.map(Set::copyOf);
    if (maxLimit < 0 || maxHops < 0) {
      throw new IllegalArgumentException("negative limit " + maxLimit + " or hop bound " + maxHops);
    }
  }

  /** What {@code vql check} assumes: default limits, nothing else known. */
  public static Catalog offline() {
    return new Catalog(OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_MAX_LIMIT, DEFAULT_MAX_HOPS);
  }

  public Catalog withVectorDimension(int dimension) {
    return new Catalog(OptionalInt.of(dimension), contracts, stores, peers, maxLimit, maxHops);
  }

  public Catalog withContracts(Map<String, Contract> known) {
    return new Catalog(vectorDimension, Optional.of(known), stores, peers, maxLimit, maxHops);
  }

  public Catalog withStores(Set<String> known) {
    return new Catalog(vectorDimension, contracts, Optional.of(known), peers, maxLimit, maxHops);
  }

  public Catalog withPeers(Set<String> known) {
    return new Catalog(vectorDimension, contracts, stores, Optional.of(known), maxLimit, maxHops);
  }
}
