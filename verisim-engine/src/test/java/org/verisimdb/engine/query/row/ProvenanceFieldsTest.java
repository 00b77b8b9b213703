package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class ProvenanceFieldsTest {
  private static final Instant T3 = Instant.parse("2026-03-02T08:30:15.123456Z");
  private static final Instant T4 = Instant.parse("2026-03-03T10:00:00Z");

  /** created (no source), imported (survey-2019.csv), modified (no source), merged (merge-4.json). */
  static List<ProvenanceRecord> chain() {
    List<ProvenanceRecord> two = Station.chain();
    ProvenanceRecord modified = ProvenanceRecord.create(two.get(1).contentHash(), "modified", "lab-3-bot", null, null, T3);
    ProvenanceRecord merged = ProvenanceRecord.create(modified.contentHash(), "merged", "curator-5", "merge-4.json", "merged", T4);
    return List.of(two.get(0), two.get(1), modified, merged);
  }

  private static OctadRow row(List<ProvenanceRecord> records) {
    return Station.row(Station.with(new ProvenanceFacet(records)));
  }

  private static Value field(String name) {
    return row(chain()).field(Modality.PROVENANCE, List.of(name));
  }

  @Test
  void recordsAreOldestFirstWithEveryMemberAndTheirHash() {
    Value.Arr records = (Value.Arr) field("records");
    assertThat(records.elements()).extracting(r -> ((Value.Obj) r).get("event_type")).containsExactly(
        new Value.Str("created"), new Value.Str("imported"), new Value.Str("modified"), new Value.Str("merged"));
    Value.Obj imported = (Value.Obj) records.elements().get(1);
    assertThat(imported.members().keySet())
        .containsExactly("actor", "description", "event_type", "parent_hash", "source", "timestamp", "content_hash");
    ProvenanceRecord record = chain().get(1);
    assertThat(ValueText.of(imported)).isEqualTo("{\"actor\":\"ingest-bot\",\"description\":\"tidal survey batch 7\","
        + "\"event_type\":\"imported\",\"parent_hash\":\"" + record.parentHash() + "\",\"source\":\"survey-2019.csv\","
        + "\"timestamp\":\"2026-03-01T12:00:00.25Z\",\"content_hash\":\"" + record.contentHash() + "\"}");
    assertThat(((Value.Obj) records.elements().getFirst()).get("source")).isEqualTo(Value.NULL);
  }

  @Test
  void chainSummary() {
    assertThat(field("chain_length")).isEqualTo(new Value.Int(4));
    assertThat(field("chain_valid")).isEqualTo(Value.TRUE);
    assertThat(field("head_hash")).isEqualTo(new Value.Str(chain().getLast().contentHash()));
  }

  @Test
  void aTamperedChainIsNotValid() {
    List<ProvenanceRecord> chain = chain();
    ProvenanceRecord second = chain.get(1);
    ProvenanceRecord forged = new ProvenanceRecord(second.eventType(), "someone-else", second.source(), second.description(),
        second.timestamp(), second.parentHash(), second.contentHash());
    OctadRow row = row(List.of(chain.get(0), forged, chain.get(2), chain.get(3)));
    assertThat(row.field(Modality.PROVENANCE, List.of("chain_valid"))).isEqualTo(Value.FALSE);
    assertThat(row.field(Modality.PROVENANCE, List.of("chain_length"))).isEqualTo(new Value.Int(4));
  }

  @Test
  void arraysCollectOneFieldOverAllRecordsSkippingAbsentOnes() {
    assertThat(ValueText.of(field("actor"))).isEqualTo("[\"field-team-2\",\"ingest-bot\",\"lab-3-bot\",\"curator-5\"]");
    assertThat(ValueText.of(field("event_type"))).isEqualTo("[\"created\",\"imported\",\"modified\",\"merged\"]");
    assertThat(ValueText.of(field("source"))).isEqualTo("[\"survey-2019.csv\",\"merge-4.json\"]");
  }

  @Test
  void originIsTheSourceOfTheEarliestRecordThatHasOne() {
    assertThat(field("origin")).isEqualTo(new Value.Str("survey-2019.csv"));
    OctadRow noSources = row(List.of(chain().getFirst()));
    assertThat(noSources.field(Modality.PROVENANCE, List.of("origin"))).isEqualTo(Value.NULL);
    assertThat(noSources.field(Modality.PROVENANCE, List.of("source"))).isEqualTo(new Value.Arr(List.of()));
  }

  @Test
  void lastFieldsDescribeTheNewestRecord() {
    assertThat(field("last_actor")).isEqualTo(new Value.Str("curator-5"));
    assertThat(field("last_event_type")).isEqualTo(new Value.Str("merged"));
    assertThat(field("last_at")).isEqualTo(new Value.Time(T4.getEpochSecond(), 0));
  }

  @Test
  void theModalityObjectSummarisesAndListsAllRecords() {
    Value.Obj provenance = (Value.Obj) row(chain()).modality(Modality.PROVENANCE);
    assertThat(provenance.members().keySet()).containsExactly("chain_length", "chain_valid", "head_hash", "origin", "records");
    assertThat(((Value.Arr) provenance.get("records")).elements()).hasSize(4);
  }
}
