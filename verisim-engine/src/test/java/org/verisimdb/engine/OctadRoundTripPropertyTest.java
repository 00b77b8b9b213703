package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.testkit.arbitrary.OctadArbitraries;

/** Random valid octads go in and come back unchanged, through create, get and list. */
class OctadRoundTripPropertyTest {
  static final int DIMENSION = 8;

  @Provide
  Arbitrary<OctadInput> inputs() {
    return OctadArbitraries.inputs(DIMENSION);
  }

  @Property(tries = 300)
  void whatGoesInComesBackOut(@ForAll("inputs") OctadInput input) {
    try (Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withVectorDimension(DIMENSION))) {
      Octad created = db.create(input);
      Octad read = db.get(created.id()).orElseThrow();
      assertThat(read).isEqualTo(created);
      if (input.id() != null) {
        assertThat(read.id()).isEqualTo(input.id());
      }
      input.facets().forEach((modality, facet) -> assertThat(read.facet(modality)).contains(facet));
      for (Modality m : Modality.values()) {
        if (m.userWritable() && !input.facets().containsKey(m)) {
          assertThat(read.has(m)).as(m.name()).isFalse();
        }
      }
      if (input.temporal() != null) {
        assertThat(read.temporal().label()).isEqualTo(input.temporal().label());
        assertThat(read.temporal().message()).isEqualTo(input.temporal().message());
        assertThat(read.temporal().validFrom()).isEqualTo(input.temporal().validFrom());
      }
      List<ProvenanceRecord> chain = read.provenance().orElseThrow().records();
      assertThat(chain).hasSize(1 + input.provenance().size());
      for (int i = 0; i < input.provenance().size(); i++) {
        ProvenanceEvent event = input.provenance().get(i);
        ProvenanceRecord record = chain.get(i + 1);
        assertThat(record.eventType()).isEqualTo(event.eventType());
        assertThat(record.source()).isEqualTo(event.source());
        assertThat(record.description()).isEqualTo(event.description());
        assertThat(record.actor()).isEqualTo(event.actor() == null ? db.principal() : event.actor());
      }
      assertThat(read.provenance().orElseThrow().verify().valid()).isTrue();
      assertThat(db.list(null, 10).items()).containsExactly(read);
      assertThat(db.stats().octads()).isEqualTo(1);
    }
  }
}
