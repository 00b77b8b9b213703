package org.verisimdb.testkit.sample;

import java.util.Arrays;

/**
 * Which kind sits at which index: a fixed pattern of {@value #BLOCK} slots repeated over the
 * whole set (6 papers, 5 people, 2 organisations, 2 data sets, 2 places, 3 events per block).
 * Because the pattern never depends on the size, index ↔ (kind, ordinal) is the same mapping
 * for every set, and all lookups are O(1). Immutable and thread-safe.
 */
final class Layout {
  static final int BLOCK = 20;

  // The first six slots hold one of each kind, so every set of six or more octads has every kind
  // and small sets still link across kinds. Slot 0 is a place: every octad has somewhere to be.
  private static final Kind[] PATTERN = {
      Kind.PLACE, Kind.ORGANISATION, Kind.PERSON, Kind.DATASET, Kind.PAPER, Kind.EVENT,
      Kind.PERSON, Kind.PAPER, Kind.PAPER, Kind.PERSON, Kind.PLACE, Kind.ORGANISATION,
      Kind.PAPER, Kind.EVENT, Kind.PERSON, Kind.DATASET, Kind.PAPER, Kind.PERSON,
      Kind.PAPER, Kind.EVENT};

  /** Rank of each slot among the slots of its kind in one block. */
  private static final int[] RANK = new int[BLOCK];
  /** Members of each kind per block. */
  private static final int[] PER_BLOCK = new int[Kind.values().length];
  /** The slots of each kind, in order. */
  private static final int[][] SLOTS = new int[Kind.values().length][];
  /** BEFORE[k][s]: slots of kind k among the first s slots of a block. */
  private static final int[][] BEFORE = new int[Kind.values().length][BLOCK + 1];

  static {
    for (Kind kind : Kind.values()) {
      int[] slots = new int[BLOCK];
      int n = 0;
      for (int s = 0; s < BLOCK; s++) {
        BEFORE[kind.ordinal()][s] = n;
        if (PATTERN[s] == kind) {
          RANK[s] = n;
          slots[n++] = s;
        }
      }
      BEFORE[kind.ordinal()][BLOCK] = n;
      PER_BLOCK[kind.ordinal()] = n;
      SLOTS[kind.ordinal()] = Arrays.copyOf(slots, n);
    }
  }

  private Layout() {}

  static Kind kindOf(int index) {
    return PATTERN[index % BLOCK];
  }

  /** The position of the octad at {@code index} among the octads of its kind. */
  static int ordinalOf(int index) {
    Kind kind = kindOf(index);
    return index / BLOCK * PER_BLOCK[kind.ordinal()] + RANK[index % BLOCK];
  }

  static int indexOf(Kind kind, int ordinal) {
    int perBlock = PER_BLOCK[kind.ordinal()];
    return ordinal / perBlock * BLOCK + SLOTS[kind.ordinal()][ordinal % perBlock];
  }

  /** How many octads of {@code kind} a set of {@code size} octads holds. */
  static int count(Kind kind, int size) {
    return size / BLOCK * PER_BLOCK[kind.ordinal()] + BEFORE[kind.ordinal()][size % BLOCK];
  }
}
