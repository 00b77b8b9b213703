package org.verisimdb.engine.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.codec.FacetFormatV1;
import org.verisimdb.engine.codec.HistoryFormatV1;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * Octads laid out over a {@link StorageBackend}. Keyspaces and keys (ids are UTF-8; they never
 * contain a zero byte, so {@code id 0x00} prefixes sort and scan cleanly):
 * <pre>
 * octad                 id                      → header (HeaderFormatV1)
 * graph vector tensor
 * semantic document
 * spatial               id                      → facet (FacetFormatV1)
 * version               id 0x00 version:i64 BE  → version record (HistoryFormatV1)
 * provenance            id 0x00 seq:i64 BE      → provenance record (HistoryFormatV1), seq from 0
 * meta                  "count.octads" | "count.&lt;modality&gt;" → i64 BE
 * </pre>
 * Reads go through any {@link ReadView}: the stores (readers), a snapshot (exports, backups) or
 * the stores plus pending writes (the write planner). Thread safety is the view's.
 */
public final class OctadStore {
  public static final Keyspace OCTADS = Keyspace.of("octad");
  public static final Keyspace VERSIONS = Keyspace.of("version");
  public static final Keyspace PROVENANCE = Keyspace.of("provenance");
  public static final Keyspace META = Keyspace.of("meta");
  private static final Map<Modality, Keyspace> FACETS = new EnumMap<>(Modality.class);

  static {
    for (Modality m : Modality.values()) {
      if (m.userWritable()) {
        FACETS.put(m, Keyspace.of(m.wireName()));
      }
    }
  }

  private final ReadView backend;

  public OctadStore(ReadView view) {
    this.backend = view;
  }

  /** The keyspace holding a modality's data: its facets, or its history for TEMPORAL and PROVENANCE. */
  public static Keyspace keyspaceOf(Modality modality) {
    return switch (modality) {
      case TEMPORAL -> VERSIONS;
      case PROVENANCE -> PROVENANCE;
      default -> FACETS.get(modality);
    };
  }

  /** The header of an octad that exists or once existed, or null. */
  public OctadHeader header(OctadId id) {
    byte[] bytes = backend.get(OCTADS, key(id));
    return bytes == null ? null : HeaderFormatV1.decode(bytes, id.value());
  }

  /** The user-written facets of a live octad. */
  public Map<Modality, Facet> facets(OctadId id, OctadHeader header) {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    for (Modality m : header.modalities()) {
      Keyspace space = FACETS.get(m);
      if (space != null) {
        byte[] bytes = backend.get(space, key(id));
        if (bytes == null) {
          throw new VeriSimException(ErrorCode.STORAGE_CORRUPT,
              "octad " + id + " lists " + m + " but no " + m + " data is stored; restore from a backup or rebuild from the log");
        }
        facets.put(m, FacetFormatV1.decode(bytes, id.value()));
      }
    }
    return facets;
  }

  /**
   * Assembles a live octad: its user-written facets (read unless given), the newest
   * {@code historyLimit} version records and the whole provenance chain.
   */
  public Octad read(OctadId id, OctadHeader header, Map<Modality, Facet> facets, int historyLimit) {
    Map<Modality, Facet> all = new EnumMap<>(Modality.class);
    all.putAll(facets == null ? facets(id, header) : facets);
    long from = Math.max(1, header.version() - historyLimit + 1);
    List<VersionRecord> versions = historyLimit == 0 ? List.of() : versions(id, from, header.version());
    all.put(Modality.TEMPORAL, new TemporalFacet(header.version(), header.createdAt(), header.modifiedAt(), header.validFrom(), header.label(),
        header.message(), header.versionCount(), header.modifiedBy(), versions.reversed()));
    if (header.provenanceCount() > 0) {
      all.put(Modality.PROVENANCE, new ProvenanceFacet(provenance(id, header.provenanceCount())));
    }
    return new Octad(id, all);
  }

  /** Version records {@code from..to} inclusive, oldest first. */
  public List<VersionRecord> versions(OctadId id, long from, long to) {
    List<VersionRecord> records = new ArrayList<>();
    try (Cursor cursor = backend.scan(VERSIONS, seqKey(id, from), seqKey(id, to + 1))) {
      while (cursor.next()) {
        records.add(HistoryFormatV1.decodeVersion(cursor.value(), id.value()));
      }
    }
    return records;
  }

  /** The whole provenance chain, oldest first. */
  public List<ProvenanceRecord> provenance(OctadId id) {
    return provenance(id, Long.MAX_VALUE);
  }

  /**
   * The first {@code count} records of the chain, oldest first: the chain as a version whose
   * header counts {@code count} records saw it, whatever was appended since (records never change).
   */
  public List<ProvenanceRecord> provenance(OctadId id, long count) {
    List<ProvenanceRecord> records = new ArrayList<>();
    byte[] end = count == Long.MAX_VALUE ? org.verisimdb.storage.Keys.prefixEnd(prefix(id)) : seqKey(id, count);
    try (Cursor cursor = backend.scan(PROVENANCE, prefix(id), end)) {
      while (cursor.next()) {
        records.add(HistoryFormatV1.decodeProvenance(cursor.value(), id.value()));
      }
    }
    return records;
  }

  /**
   * Up to {@code limit} live octads with ids after {@code after} (null: from the start), in id
   * order, with their headers.
   */
  public List<Map.Entry<OctadId, OctadHeader>> liveAfter(OctadId after, int limit) {
    return headersAfter(after, limit, false);
  }

  /** Like {@link #liveAfter}, deleted octads included when {@code withDeleted}. */
  public List<Map.Entry<OctadId, OctadHeader>> headersAfter(OctadId after, int limit, boolean withDeleted) {
    List<Map.Entry<OctadId, OctadHeader>> out = new ArrayList<>(Math.min(limit, 1024));
    byte[] from = after == null ? null : prefix(after); // id 0x00 sorts right after id itself
    try (Cursor cursor = backend.scan(OCTADS, from, null)) {
      while (out.size() < limit && cursor.next()) {
        OctadId id = OctadId.of(new String(cursor.key(), StandardCharsets.UTF_8));
        OctadHeader header = HeaderFormatV1.decode(cursor.value(), id.value());
        if (withDeleted || header.live()) {
          out.add(Map.entry(id, header));
        }
      }
    }
    return out;
  }

  /** The counts stored with the data, or zero for a new database. */
  public Counts counts() {
    Map<Modality, Long> perModality = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      perModality.put(m, readLong(countKey(m.wireName())));
    }
    return new Counts(readLong(countKey("octads")), perModality);
  }

  /** Adds one change, and the counts it changes (from {@code countsBefore} to {@code countsAfter}), to a batch. */
  public static void stage(StoredChange change, Counts countsBefore, Counts countsAfter, WriteBatch batch) {
    byte[] id = key(change.id());
    batch.put(OCTADS, id, HeaderFormatV1.encode(change.header()));
    change.put().forEach((m, facet) -> batch.put(FACETS.get(m), id, FacetFormatV1.encode(facet)));
    change.drop().forEach(m -> batch.delete(FACETS.get(m), id));
    batch.put(VERSIONS, seqKey(change.id(), change.version().version()), HistoryFormatV1.encode(change.version()));
    long seq = change.firstProvenanceSeq();
    for (ProvenanceRecord record : change.provenance()) {
      batch.put(PROVENANCE, seqKey(change.id(), seq++), HistoryFormatV1.encode(record));
    }
    stageCounts(countsBefore, countsAfter, batch);
  }

  /** Adds the counts that differ between {@code countsBefore} and {@code countsAfter} to a batch. */
  public static void stageCounts(Counts countsBefore, Counts countsAfter, WriteBatch batch) {
    // Only counts that changed: an update that adds or drops no modality writes none.
    if (countsAfter.octads() != countsBefore.octads()) {
      batch.put(META, countKey("octads"), longBytes(countsAfter.octads()));
    }
    countsAfter.perModality().forEach((m, n) -> {
      if (!n.equals(countsBefore.perModality().get(m))) {
        batch.put(META, countKey(m.wireName()), longBytes(n));
      }
    });
  }

  /**
   * Adds an octad's whole stored state to a batch: header, facets, every version record and every
   * provenance record, as an import or a migration carries them (stored hashes kept as they are).
   * The octad's temporal facet must hold its complete history, newest first.
   */
  public static OctadHeader stageWhole(Octad octad, WriteBatch batch) {
    TemporalFacet t = octad.temporal();
    List<VersionRecord> versions = t.versions();
    if (versions.size() != t.versionCount() || versions.isEmpty() || versions.getFirst().version() != t.version()
        || versions.getLast().version() != t.version() - t.versionCount() + 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, "temporal.versions", "octad " + octad.id() + " carries "
          + versions.size() + " of its " + t.versionCount() + " version records; an import needs the whole history");
    }
    List<ProvenanceRecord> chain = octad.provenance().map(ProvenanceFacet::records).orElse(List.of());
    Set<Modality> stored = EnumSet.noneOf(Modality.class);
    byte[] id = key(octad.id());
    octad.facets().forEach((m, facet) -> {
      if (m.userWritable()) {
        stored.add(m);
        batch.put(FACETS.get(m), id, FacetFormatV1.encode(facet));
      }
    });
    if (!chain.isEmpty()) {
      stored.add(Modality.PROVENANCE);
    }
    for (VersionRecord v : versions) {
      batch.put(VERSIONS, seqKey(octad.id(), v.version()), HistoryFormatV1.encode(v));
    }
    for (int i = 0; i < chain.size(); i++) {
      batch.put(PROVENANCE, seqKey(octad.id(), i), HistoryFormatV1.encode(chain.get(i)));
    }
    OctadHeader header = new OctadHeader(t.version(), false, t.createdAt(), t.modifiedAt(), t.validFrom(), t.label(), t.message(),
        t.versionCount(), t.modifiedBy(), stored, versions.getFirst().versionHash(), chain.size(),
        chain.isEmpty() ? null : chain.getLast().contentHash());
    batch.put(OCTADS, id, HeaderFormatV1.encode(header));
    return header;
  }

  private long readLong(byte[] key) {
    byte[] bytes = backend.get(META, key);
    return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
  }

  static byte[] key(OctadId id) {
    return id.value().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prefix(OctadId id) {
    byte[] key = key(id);
    byte[] prefix = new byte[key.length + 1];
    System.arraycopy(key, 0, prefix, 0, key.length);
    return prefix;
  }

  private static byte[] seqKey(OctadId id, long seq) {
    byte[] key = key(id);
    return ByteBuffer.allocate(key.length + 9).put(key).put((byte) 0).putLong(seq).array();
  }

  private static byte[] countKey(String name) {
    return ("count." + name).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }
}
