package org.verisimdb.storage;

import java.util.regex.Pattern;

/**
 * A named, separately ordered set of keys in a backend (a RocksDB column family, an LMDB
 * database, a SQLite table). Names are lower-case identifiers so every backend can use them
 * verbatim.
 */
public record Keyspace(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public Keyspace {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("keyspace name '" + name + "' must match " + NAME);
    }
  }

  public static Keyspace of(String name) {
    return new Keyspace(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
