package org.verisimdb.engine.query.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.engine.query.proof.TestOctads.T0;
import static org.verisimdb.engine.query.proof.TestOctads.chain;
import static org.verisimdb.engine.query.proof.TestOctads.octad;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * INTEGRITY (VQL.md §7.3): stored data against the hashes of the current version record, on
 * octads built in memory so that the data can be changed behind the record's back, and the
 * offline check of its evidence.
 */
class IntegrityProofTest {
  final Octad a = octad("a", T0, chain(T0, "alice", "bob"), DocumentFacet.of("paper a", "body"), SpatialFacet.point(59.9, 10.7));
  final Octad b = octad("b", T0, "carol");
  final BuiltInProofs proofs = new BuiltInProofs(List.of(new IntegrityContract("located", 2, Set.of(Modality.SPATIAL))));

  static byte[] row(Octad o) {
    return ("{\"id\":\"" + o.id().value() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static ProofContext ctx(List<Octad> octads) {
    List<byte[]> rows = octads.stream().map(IntegrityProofTest::row).toList();
    return ProofContext.of(id -> octads.stream().filter(o -> o.id().equals(id)).findFirst(), rows, T0.plusSeconds(60),
        ProofContext.DEFAULT_FRESHNESS, new FixedDrift(Map.of()));
  }

  Entry verify(ProofSpecs.Spec spec, Octad... octads) {
    return proofs.verify(spec, Subjects.rows(List.of(octads)), ctx(List.of(octads)));
  }

  static Value.Obj obligation(Entry e, int i) {
    return (Value.Obj) ((Value.Arr) e.evidence().get("octads")).elements().get(i);
  }

  /** The octad with its facet of {@code f}'s modality replaced by {@code f}, its version record kept: a write outside the write path. */
  static Octad tampered(Octad o, Facet f) {
    Map<Modality, Facet> facets = new EnumMap<>(o.facets());
    facets.put(f.modality(), f);
    return new Octad(o.id(), facets);
  }

  /** The octad with a second version whose record holds {@code parent} as its parent hash. */
  static Octad secondVersion(Octad o, String parent) {
    VersionRecord v1 = o.temporal().current();
    Map<Modality, String> hashes = ContentHash.modalityHashes(o.facets());
    VersionRecord v2 = VersionRecord.create(2, T0.plusSeconds(5), "tester", "v2", null, null, hashes, ContentHash.ofOctad(o.id(), hashes),
        parent == null ? v1.versionHash() : parent);
    Map<Modality, Facet> facets = new EnumMap<>(o.facets());
    facets.put(Modality.TEMPORAL, new TemporalFacet(2, T0, T0.plusSeconds(5), null, "v2", null, 2, null, List.of(v2, v1)));
    return new Octad(o.id(), facets);
  }

  @Test
  void untouchedDataMatchesItsVersionRecord() {
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), a, b);
    assertThat(e.verified()).isTrue();
    Value.Obj contract = (Value.Obj) e.evidence().get("contract");
    assertThat(contract.get("name")).isEqualTo(new Value.Str("default"));
    assertThat(contract.get("version")).isEqualTo(new Value.Int(1));
    assertThat(((Value.Arr) contract.get("modalities")).elements()).hasSize(7).doesNotContain(new Value.Str("temporal"));
    Value.Obj first = obligation(e, 0);
    VersionRecord record = a.temporal().current();
    Value.Obj hashes = (Value.Obj) first.get("modality_hashes");
    assertThat(hashes.members()).containsOnlyKeys("document", "provenance", "spatial");
    assertThat(hashes.get("spatial")).isEqualTo(new Value.Str(ContentHash.of(a.spatial().orElseThrow())));
    Value.Obj versionRecord = (Value.Obj) first.get("version_record");
    assertThat(versionRecord.get("version_hash")).isEqualTo(new Value.Str(record.versionHash()));
    assertThat(versionRecord.get("content_hash")).isEqualTo(new Value.Str(record.contentHash()));
    assertThat(versionRecord.get("modality_hashes")).isEqualTo(hashes);
    assertThat(first.members()).doesNotContainKey("version_records");
    assertThat(proofs.verify(ProofSpecs.Spec.of("INTEGRITY", "default"), Subjects.rows(List.of(a)), ctx(List.of(a))).verified())
        .as("the built-in contract by its name").isTrue();
  }

  @Test
  void dataChangedOutsideTheWritePathIsAHashMismatch() {
    Octad changed = tampered(a, DocumentFacet.of("paper a (edited)", "body"));
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), b, changed);
    assertThat(e.verified()).isFalse();
    assertThat(obligation(e, 0).get("verified")).isEqualTo(Value.TRUE);
    String recorded = a.temporal().current().modalityHashes().get(Modality.DOCUMENT);
    String now = ContentHash.of(changed.document().orElseThrow());
    assertThat(e.reason()).isEqualTo("hash_mismatch: DOCUMENT of octad a hashes to " + now + " but version 1 recorded " + recorded
        + " (changed outside the write path)");
    assertThat(((Value.Obj) obligation(e, 1).get("modality_hashes")).get("document")).isEqualTo(new Value.Str(now));
  }

  @Test
  void aRecordedModalityThatIsGoneOrAnUnrecordedOneIsAMismatch() {
    Map<Modality, Facet> without = new EnumMap<>(a.facets());
    without.remove(Modality.SPATIAL);
    Entry gone = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), new Octad(a.id(), without));
    assertThat(gone.reason()).startsWith("hash_mismatch: version 1 of octad a recorded SPATIAL with hash ")
        .endsWith(" but the octad has no SPATIAL data (removed outside the write path)");

    Entry added = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), tampered(b, SpatialFacet.point(1, 2)));
    assertThat(added.reason()).startsWith("hash_mismatch: SPATIAL of octad b hashes to ").contains("but version 1 recorded no such modality");
  }

  @Test
  void aTamperedVersionRecordIsAHashMismatch() {
    VersionRecord r = a.temporal().current();
    VersionRecord forged = new VersionRecord(r.version(), r.committedAt(), "mallory", r.label(), r.message(), r.validFrom(),
        r.modalityHashes(), r.contentHash(), r.parentHash(), r.versionHash());
    Map<Modality, Facet> facets = new EnumMap<>(a.facets());
    facets.put(Modality.TEMPORAL, new TemporalFacet(1, T0, T0, null, null, null, 1, null, List.of(forged)));
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), new Octad(a.id(), facets));
    assertThat(e.reason()).isEqualTo("hash_mismatch: the record of version 1 of octad a hashes to " + forged.recomputeHash()
        + " but states " + r.versionHash());
  }

  @Test
  void aNamedContractCoversItsModalitiesOnly() {
    Octad changed = tampered(a, DocumentFacet.of("paper a (edited)", "body"));
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "located"), changed);
    assertThat(e.verified()).as("DOCUMENT is not covered").isTrue();
    assertThat(((Value.Obj) obligation(e, 0).get("modality_hashes")).members()).containsOnlyKeys("spatial");
    assertThat(e.evidence().get("contract")).isEqualTo(new Value.Obj(Map.of("name", new Value.Str("located"), "version", new Value.Int(2),
        "modalities", new Value.Arr(List.of(new Value.Str("spatial"))))));

    Entry absent = verify(ProofSpecs.Spec.of("INTEGRITY", "located"), b);
    assertThat(absent.reason()).isEqualTo("modality_absent: octad b has no SPATIAL modality, which contract 'located' covers");
  }

  @Test
  void anUnknownContractCannotBeEvaluatedSoItIsNotAvailable() {
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "audited"), a, b);
    assertThat(e.verified()).isFalse();
    assertThat(e.reason()).isEqualTo("not_available: no INTEGRITY contract 'audited' is registered on this node, so it cannot be evaluated;"
        + " INTEGRITY(*) uses the built-in contract default");
    assertThat(((Value.Arr) e.evidence().get("octads")).elements()).hasSize(2);
    Entry none = proofs.verify(ProofSpecs.Spec.of("INTEGRITY", "audited"), Subjects.NONE, ctx(List.of()));
    assertThat(none.verified()).as("not even vacuously").isFalse();
    assertThat(proofs.verify(ProofSpecs.Spec.of("INTEGRITY", "*"), Subjects.NONE, ctx(List.of())).vacuous()).isTrue();
  }

  @Test
  void theFullChainLinksFromTheGenesisToTheCurrentVersion() {
    Octad two = secondVersion(a, null);
    Entry e = verify(new ProofSpecs.Spec("INTEGRITY", "*", Map.of("chain", new Value.Str("full"))), two);
    assertThat(e.verified()).isTrue();
    List<Value> chain = ((Value.Arr) obligation(e, 0).get("version_records")).elements();
    assertThat(chain).extracting(v -> ((Value.Obj) v).get("version")).containsExactly(new Value.Int(1), new Value.Int(2));

    Octad unlinked = secondVersion(a, Sha256.GENESIS);
    assertThat(verify(ProofSpecs.Spec.of("INTEGRITY", "*"), unlinked).verified()).as("the head alone does not see the link").isTrue();
    Entry broken = verify(new ProofSpecs.Spec("INTEGRITY", "*", Map.of("chain", new Value.Str("full"))), unlinked);
    assertThat(broken.reason()).isEqualTo("chain_broken: the version chain of octad a breaks at version 2: it links to " + Sha256.GENESIS
        + ", not to " + a.temporal().current().versionHash());

    assertThatThrownBy(() -> verify(new ProofSpecs.Spec("INTEGRITY", "*", Map.of("chain", new Value.Str("all"))), a))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.VALUE_006));
  }

  @Test
  void anOctadReadWithoutItsVersionRecordsIsNotAvailable() {
    Map<Modality, Facet> facets = new EnumMap<>(a.facets());
    facets.put(Modality.TEMPORAL, new TemporalFacet(1, T0, T0, null, null, null, 1, null, List.of()));
    Entry e = verify(ProofSpecs.Spec.of("INTEGRITY", "*"), new Octad(a.id(), facets));
    assertThat(e.reason()).isEqualTo("not_available: the current version record of octad a (version 1) cannot be read");
  }

  @Test
  void integrityEvidenceChecksOfflineAndTamperingIsFound() {
    Octad two = secondVersion(a, null);
    List<Octad> octads = List.of(two, b);
    ProofContext ctx = ctx(octads);
    Entry entry = proofs.verify(new ProofSpecs.Spec("INTEGRITY", "*", Map.of("chain", new Value.Str("full"))), Subjects.rows(octads), ctx);
    List<String> rows = octads.stream().map(o -> new String(row(o), StandardCharsets.UTF_8)).toList();
    Value.Obj certificate = certificate(ctx, entry);
    assertThat(CertificateCheck.check(rows, certificate, Value.NULL)).isEmpty();
    assertThat(CertificateCheck.check(rows, Certificate.canonical(certificate), Value.NULL)).isEmpty();

    Value.Obj forgedHash = replaceInObligation(entry, 0, "modality_hashes",
        new Value.Obj(Map.of("document", new Value.Str(Sha256.hex("x")), "provenance", new Value.Str(Sha256.hex("y")),
            "spatial", new Value.Str(Sha256.hex("z")))));
    assertThat(CertificateCheck.check(rows, certificate(ctx, forgedHash), Value.NULL))
        .anyMatch(p -> p.contains("octad a: verified, but document hashes to " + Sha256.hex("x")));

    Value.Obj record = (Value.Obj) obligation(entry, 0).get("version_record");
    Map<String, Value> changed = new LinkedHashMap<>(record.members());
    changed.put("actor", new Value.Str("mallory"));
    assertThat(CertificateCheck.check(rows, certificate(ctx, replaceInObligation(entry, 0, "version_record", new Value.Obj(changed))), Value.NULL))
        .singleElement().asString().contains("octad a: version_record hashes to ");

    List<Value> chain = new ArrayList<>(((Value.Arr) obligation(entry, 0).get("version_records")).elements());
    chain.removeFirst();
    assertThat(CertificateCheck.check(rows, certificate(ctx, replaceInObligation(entry, 0, "version_records", new Value.Arr(chain))),
        Value.NULL)).anyMatch(p -> p.contains("octad a: version_records[0] is version 2, not 1"));

    Value.Obj noChain = removeFromObligation(entry, 1, "version_records");
    assertThat(CertificateCheck.check(rows, certificate(ctx, noChain), Value.NULL))
        .anyMatch(p -> p.contains("octad b: verified with chain = 'full' but without version_records"));
  }

  static Value.Obj certificate(ProofContext ctx, Object entry) {
    Entry e = entry instanceof Entry x ? x : fromJson((Value.Obj) entry);
    return Certificate.build("SELECT id\nFROM OCTADS\nPROOF INTEGRITY(*) WITH chain = 'full'", null,
        new Certificate.ReadView(T0.plus(Duration.ofSeconds(59)), null), null, ctx.result(), List.of(e), ctx.issuedAt(), "node-a");
  }

  static Entry fromJson(Value.Obj json) {
    return new Entry(((Value.Str) json.get("type")).value(), ((Value.Str) json.get("argument")).value(), (Value.Obj) json.get("params"),
        Value.TRUE.equals(json.get("verified")), json.get("reason") instanceof Value.Str(String r) ? r : null, false,
        (Value.Obj) json.get("evidence"));
  }

  static Value.Obj replaceInObligation(Entry e, int index, String member, Value value) {
    Map<String, Value> o = new LinkedHashMap<>(obligation(e, index).members());
    o.put(member, value);
    return withObligation(e, index, new Value.Obj(o));
  }

  static Value.Obj removeFromObligation(Entry e, int index, String member) {
    Map<String, Value> o = new LinkedHashMap<>(obligation(e, index).members());
    o.remove(member);
    return withObligation(e, index, new Value.Obj(o));
  }

  static Value.Obj withObligation(Entry e, int index, Value.Obj obligation) {
    List<Value> octads = new ArrayList<>(((Value.Arr) e.evidence().get("octads")).elements());
    octads.set(index, obligation);
    Map<String, Value> evidence = new LinkedHashMap<>(e.evidence().members());
    evidence.put("octads", new Value.Arr(octads));
    Map<String, Value> json = new LinkedHashMap<>(e.toJson().members());
    json.put("evidence", new Value.Obj(evidence));
    return new Value.Obj(json);
  }
}
