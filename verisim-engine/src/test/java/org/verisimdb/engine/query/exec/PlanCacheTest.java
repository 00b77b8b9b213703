package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.check.CheckResult;

/** The plan cache: shared by normalised text, a plan choice dropped when statistics shift, bounded. */
class PlanCacheTest {
  static DatabaseStats stats(long octads, long documents) {
    Map<Modality, Long> per = new EnumMap<>(Modality.class);
    per.put(Modality.DOCUMENT, documents);
    return new DatabaseStats(octads, per);
  }

  static PlanCache.Entry entry(String text) {
    var parsed = Vql.parse(text).statement();
    return new PlanCache.Entry(parsed, new CheckResult(java.util.List.of(), java.util.List.of()),
        org.verisimdb.vql.format.Printer.print(parsed), "c");
  }

  @Test
  void spellingsOfOneStatementShareAnEntryAndItsChoice() {
    PlanCache cache = new PlanCache(8);
    PlanCache.Entry first = cache.put("SELECT id FROM OCTADS", entry("SELECT id FROM OCTADS"));
    first.chose("Scan", stats(1000, 10));
    PlanCache.Entry second = cache.put("select  id from hexads", entry("select  id from hexads"));
    assertThat(second).isSameAs(first);
    assertThat(cache.byText("select  id from hexads", "c")).isSameAs(first);
    assertThat(cache.byText("select  id from hexads", "other catalogue")).isNull();
    assertThat(second.accessKind(stats(1000, 10))).isEqualTo("Scan");
  }

  @Test
  void aChoiceIsDroppedWhenCountsShift() {
    PlanCache.Entry e = entry("SELECT id FROM OCTADS");
    e.chose("Indexed", stats(1000, 500));
    assertThat(e.accessKind(stats(1100, 560))).isEqualTo("Indexed");
    assertThat(e.accessKind(stats(1000, 800))).isNull();
    assertThat(e.accessKind(stats(1000, 500))).isNull();
    assertThat(PlanCache.shifted(stats(10, 0), stats(55, 40))).isFalse();
    assertThat(PlanCache.shifted(stats(10, 0), stats(70, 0))).isTrue();
  }

  @Test
  void theLeastRecentlyUsedLeaveFirstAndSizeZeroCachesNothing() {
    PlanCache cache = new PlanCache(2);
    cache.put("SELECT id FROM OCTADS", entry("SELECT id FROM OCTADS"));
    cache.put("SELECT id FROM OCTADS LIMIT 1", entry("SELECT id FROM OCTADS LIMIT 1"));
    cache.byText("SELECT id FROM OCTADS", "c");
    cache.put("SELECT id FROM OCTADS LIMIT 2", entry("SELECT id FROM OCTADS LIMIT 2"));
    assertThat(cache.byText("SELECT id FROM OCTADS", "c")).isNotNull();
    assertThat(cache.byText("SELECT id FROM OCTADS LIMIT 1", "c")).isNull();
    PlanCache off = new PlanCache(0);
    off.put("SELECT id FROM OCTADS", entry("SELECT id FROM OCTADS"));
    assertThat(off.byText("SELECT id FROM OCTADS", "c")).isNull();
  }
}
