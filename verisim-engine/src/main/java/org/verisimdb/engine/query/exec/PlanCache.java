package org.verisimdb.engine.query.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.check.CheckResult;

/**
 * Parsed, checked statements and their plan choice, by normalised text (VQL.md §11.4), so a
 * statement run again (or prepared) is parsed, checked and costed once. A plan choice is dropped
 * when the statistics it was costed with shift by more than {@link #SHIFT} (or 50 octads), and
 * everything is dropped when the cost model is reset. Thread-safe; least recently used entries
 * leave first.
 */
final class PlanCache {
  /** Relative change in an octad count that makes a cached plan choice stale. */
  static final double SHIFT = 0.2;

  /** A cached statement. {@code catalog} names the catalogue it was checked against. */
  static final class Entry {
    final Statement statement;
    final CheckResult check;
    final String normalized;
    final String catalog;
    private volatile Choice choice;
    /** Facts of the statement's text computed once: the stores it names, the modalities it reads. */
    volatile java.util.Set<org.verisimdb.model.Modality> named;
    volatile java.util.Optional<java.util.Set<org.verisimdb.model.Modality>> needs;

    Entry(Statement statement, CheckResult check, String normalized, String catalog) {
      this.statement = statement;
      this.check = check;
      this.normalized = normalized;
      this.catalog = catalog;
    }

    /** The access path chosen last time, unless the statistics moved since. */
    String accessKind(DatabaseStats now) {
      Choice c = choice;
      if (c == null) {
        return null;
      }
      if (shifted(c.stats(), now)) {
        choice = null;
        return null;
      }
      return c.kind();
    }

    void chose(String kind, DatabaseStats stats) {
      choice = new Choice(kind, stats);
    }
  }

  private record Choice(String kind, DatabaseStats stats) {}

  private final int capacity;
  private final Map<String, Entry> byText;
  private final Map<String, Entry> byNormalized;
  private long hits;
  private long misses;

  PlanCache(int capacity) {
    this.capacity = capacity;
    this.byText = lru(capacity);
    this.byNormalized = lru(capacity);
  }

  private static Map<String, Entry> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PlanCache.Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Entry byText(String text, String catalog) {
    Entry e = capacity == 0 ? null : byText.get(text);
    if (e != null && e.catalog.equals(catalog)) {
      hits++;
      return e;
    }
    misses++;
    return null;
  }

  /** Caches {@code fresh} under its text, reusing the entry of the same normalised text (and its plan choice) when there is one. */
  synchronized Entry put(String text, Entry fresh) {
    if (capacity == 0) {
      return fresh;
    }
    Entry same = byNormalized.get(fresh.normalized);
    Entry kept = same != null && same.catalog.equals(fresh.catalog) ? same : fresh;
    byNormalized.put(fresh.normalized, kept);
    byText.put(text, kept);
    return kept;
  }

  synchronized void clear() {
    byText.clear();
    byNormalized.clear();
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }

  static boolean shifted(DatabaseStats then, DatabaseStats now) {
    if (moved(then.octads(), now.octads())) {
      return true;
    }
    for (Modality m : Modality.values()) {
      if (moved(then.count(m), now.count(m))) {
        return true;
      }
    }
    return false;
  }

  private static boolean moved(long then, long now) {
    return Math.abs(now - then) > Math.max(50, SHIFT * then);
  }
}
