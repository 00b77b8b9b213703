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
 * Octads laid out over a {@link org.verisimdb.storage.StorageBackend}, every committed version
 * kept (multi-version concurrency control). Keyspaces and keys ({@link StoreKeys}; {@code ~v} is
 * {@code 2^63-1 - v}, so an octad's versions scan newest first):
 * <pre>
 * octad                 id                      → newest header + commit LSN (HeaderFormat)
 * octad_version         id 0x00 ~version:i64 BE → the header of each version + commit LSN
 * graph vector tensor
 * semantic document
 * spatial               id 0x00 ~version:i64 BE → the facet as of that version (FacetFormatV1),
 *                                                 or a one-byte 0x00 tombstone where it was dropped
 * version               id 0x00 version:i64 BE  → version record (HistoryFormatV1)
 * provenance            id 0x00 seq:i64 BE      → provenance record (HistoryFormatV1), seq from 0
 * meta                  "count.octads" | "count.&lt;modality&gt;" → i64 BE
 * </pre>
 * A store reads {@linkplain #at as of an LSN}: it sees each octad as the newest commit at or
 * before that LSN left it, and nothing later, however the view changes meanwhile; entries at or
 * before the LSN are never rewritten (only removed by {@link HistoryCollector} once no reader
 * needs them). Databases of directory format 1 stored facets under the bare id and headers
 * without an LSN; both still read (as the base version, visible to every snapshot).
 *
 * <p>Reads go through any {@link ReadView}: the stores (readers), a snapshot (exports, backups) or
 * the stores plus pending writes (the write planner). Thread safety is the view's.
 */
public final class OctadStore {
  public static final Keyspace OCTADS = Keyspace.of("octad");
  public static final Keyspace HEADERS = Keyspace.of("octad_version");
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

  /** The value of a facet key at the version that dropped the modality. */
  static final byte[] TOMBSTONE = {0};

  private final ReadView backend;
  private final long asOf;

  /** The newest state {@code view} holds. */
  public OctadStore(ReadView view) {
    this(view, Long.MAX_VALUE);
  }

  private OctadStore(ReadView view, long asOf) {
    this.backend = view;
    this.asOf = asOf;
  }

  /** This store as of {@code lsn}: commits after it are invisible. */
  public OctadStore at(long lsn) {
    return new OctadStore(backend, lsn);
  }

  /** The keyspace of a user-writable modality's facets. */
  public static Keyspace facetSpace(Modality modality) {
    return FACETS.get(modality);
  }

  /** The keyspace holding a modality's data: its facets, or its history for TEMPORAL and PROVENANCE. */
  public static Keyspace keyspaceOf(Modality modality) {
    return switch (modality) {
      case TEMPORAL -> VERSIONS;
      case PROVENANCE -> PROVENANCE;
      default -> FACETS.get(modality);
    };
  }

  /** The header of an octad that exists or once existed (as of this store's LSN), or null. */
  public OctadHeader header(OctadId id) {
    byte[] bytes = backend.get(OCTADS, key(id));
    if (bytes == null) {
      return null;
    }
    return visible(HeaderFormat.decodeStamped(bytes, id.value()), id);
  }

  // The newest header if this store sees its commit, else the newest older one it sees (or null).
  private OctadHeader visible(HeaderFormat.Stamped newest, OctadId id) {
    return newest.commitLsn() <= asOf ? newest.header() : olderHeader(id);
  }

  /** The LSN of the commit that wrote the octad's newest header (whatever this store's LSN), or -1 when it never existed. */
  public long lastCommitLsn(OctadId id) {
    byte[] bytes = backend.get(OCTADS, key(id));
    return bytes == null ? -1 : HeaderFormat.decodeStamped(bytes, id.value()).commitLsn();
  }

  // The newest header at or before asOf, from the version headers (newest first).
  private OctadHeader olderHeader(OctadId id) {
    try (Cursor cursor = backend.scan(HEADERS, StoreKeys.prefix(id), StoreKeys.prefixEnd(id))) {
      while (cursor.next()) {
        HeaderFormat.Stamped stamped = HeaderFormat.decodeStamped(cursor.value(), id.value());
        if (stamped.commitLsn() <= asOf) {
          return stamped.header();
        }
      }
    }
    return null;
  }

  /** The user-written facets of a live octad at the version {@code header} describes. */
  public Map<Modality, Facet> facets(OctadId id, OctadHeader header) {
    return facets(id, header, null);
  }

  // The facets of the modalities in only (null: all of them).
  private Map<Modality, Facet> facets(OctadId id, OctadHeader header, java.util.Set<Modality> only) {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    for (Modality m : header.modalities()) {
      Keyspace space = FACETS.get(m);
      if (space != null && (only == null || only.contains(m))) {
        byte[] bytes = facetBytes(space, id, header.version());
        if (bytes == null || bytes.length == 1 && bytes[0] == 0) {
          throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "octad " + id + " lists " + m + " at version " + header.version()
              + " but no " + m + " data of that version is stored; restore from a backup or rebuild from the log");
        }
        facets.put(m, FacetFormatV1.decode(bytes, id.value()));
      }
    }
    return facets;
  }

  // The newest entry at or before the version; a format-1 database's bare-id entry is the base version.
  private byte[] facetBytes(Keyspace space, OctadId id, long version) {
    try (Cursor cursor = backend.scan(space, StoreKeys.versioned(id, version), StoreKeys.prefixEnd(id))) {
      if (cursor.next()) {
        return cursor.value();
      }
    }
    return backend.get(space, key(id));
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
    all.put(Modality.TEMPORAL, header.temporal(versions.reversed()));
    if (header.provenanceCount() > 0) {
      all.put(Modality.PROVENANCE, new ProvenanceFacet(provenance(id, header.provenanceCount())));
    }
    return new Octad(id, all);
  }

  /**
   * A live octad with only the modalities in {@code only} read (and TEMPORAL, which every octad
   * has, with its newest version record alone unless TEMPORAL is asked for): for a reader that
   * knows which modalities it will look at. The others are absent from the returned octad, so it
   * must not be asked about them.
   */
  public Octad readOnly(OctadId id, OctadHeader header, java.util.Set<Modality> only, int historyLimit) {
    Map<Modality, Facet> all = facets(id, header, only);
    int history = only.contains(Modality.TEMPORAL) ? historyLimit : Math.min(1, historyLimit);
    long from = Math.max(1, header.version() - history + 1);
    List<VersionRecord> versions = history == 0 ? List.of() : versions(id, from, header.version());
    all.put(Modality.TEMPORAL, header.temporal(versions.reversed()));
    if (header.provenanceCount() > 0 && only.contains(Modality.PROVENANCE)) {
      all.put(Modality.PROVENANCE, new ProvenanceFacet(provenance(id, header.provenanceCount())));
    }
    return new Octad(id, all);
  }

  /** Version records {@code from..to} inclusive, oldest first. */
  public List<VersionRecord> versions(OctadId id, long from, long to) {
    List<VersionRecord> records = new ArrayList<>();
    try (Cursor cursor = backend.scan(VERSIONS, StoreKeys.seq(id, from), StoreKeys.seq(id, to + 1))) {
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
    byte[] end = count == Long.MAX_VALUE ? StoreKeys.prefixEnd(id) : StoreKeys.seq(id, count);
    try (Cursor cursor = backend.scan(PROVENANCE, StoreKeys.prefix(id), end)) {
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

  /**
   * Every live octad with an id after {@code after} (null: from the start), in id order, with its
   * header; headers are read a page at a time as the iteration goes, so nothing grows with the
   * number of octads.
   */
  public java.util.Iterator<Map.Entry<OctadId, OctadHeader>> live(OctadId after) {
    return new java.util.Iterator<>() {
      private static final int PAGE = 1000;
      private List<Map.Entry<OctadId, OctadHeader>> page = liveAfter(after, PAGE);
      private int next;

      @Override
      public boolean hasNext() {
        if (next == page.size() && page.size() == PAGE) {
          page = liveAfter(page.getLast().getKey(), PAGE);
          next = 0;
        }
        return next < page.size();
      }

      @Override
      public Map.Entry<OctadId, OctadHeader> next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return page.get(next++);
      }
    };
  }

  /** Like {@link #liveAfter}, deleted octads included when {@code withDeleted}. */
  public List<Map.Entry<OctadId, OctadHeader>> headersAfter(OctadId after, int limit, boolean withDeleted) {
    List<Map.Entry<OctadId, OctadHeader>> out = new ArrayList<>(Math.min(limit, 1024));
    byte[] from = after == null ? null : StoreKeys.prefix(after); // id 0x00 sorts right after id itself
    try (Cursor cursor = backend.scan(OCTADS, from, null)) {
      while (out.size() < limit && cursor.next()) {
        OctadId id = OctadId.of(new String(cursor.key(), StandardCharsets.UTF_8));
        OctadHeader header = visible(HeaderFormat.decodeStamped(cursor.value(), id.value()), id);
        if (header != null && (withDeleted || header.live())) {
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

  /**
   * Adds one change, committed at {@code lsn}, and the counts it changes (from
   * {@code countsBefore} to {@code countsAfter}), to a batch. Earlier versions stay.
   */
  public static void stage(StoredChange change, long lsn, Counts countsBefore, Counts countsAfter, WriteBatch batch) {
    long version = change.version().version();
    byte[] stamped = HeaderFormat.encode(change.header(), lsn);
    byte[] at = StoreKeys.versioned(change.id(), version);
    batch.put(OCTADS, key(change.id()), stamped);
    batch.put(HEADERS, at, stamped);
    change.put().forEach((m, facet) -> batch.put(FACETS.get(m), at, FacetFormatV1.encode(facet)));
    change.drop().forEach(m -> batch.put(FACETS.get(m), at, TOMBSTONE));
    batch.put(VERSIONS, StoreKeys.seq(change.id(), version), HistoryFormatV1.encode(change.version()));
    long seq = change.firstProvenanceSeq();
    for (ProvenanceRecord record : change.provenance()) {
      batch.put(PROVENANCE, StoreKeys.seq(change.id(), seq++), HistoryFormatV1.encode(record));
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
   * The octad's temporal facet must hold its complete history, newest first; the content of
   * the newest version is stored, as committed at {@code lsn}.
   */
  public static OctadHeader stageWhole(Octad octad, long lsn, WriteBatch batch) {
    TemporalFacet t = octad.temporal();
    List<VersionRecord> versions = t.versions();
    if (versions.size() != t.versionCount() || versions.isEmpty() || versions.getFirst().version() != t.version()
        || versions.getLast().version() != t.version() - t.versionCount() + 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, "temporal.versions", "octad " + octad.id() + " carries "
          + versions.size() + " of its " + t.versionCount() + " version records; an import needs the whole history");
    }
    List<ProvenanceRecord> chain = octad.provenance().map(ProvenanceFacet::records).orElse(List.of());
    Set<Modality> stored = EnumSet.noneOf(Modality.class);
    byte[] at = StoreKeys.versioned(octad.id(), t.version());
    octad.facets().forEach((m, facet) -> {
      if (m.userWritable()) {
        stored.add(m);
        batch.put(FACETS.get(m), at, FacetFormatV1.encode(facet));
      }
    });
    if (!chain.isEmpty()) {
      stored.add(Modality.PROVENANCE);
    }
    for (VersionRecord v : versions) {
      batch.put(VERSIONS, StoreKeys.seq(octad.id(), v.version()), HistoryFormatV1.encode(v));
    }
    for (int i = 0; i < chain.size(); i++) {
      batch.put(PROVENANCE, StoreKeys.seq(octad.id(), i), HistoryFormatV1.encode(chain.get(i)));
    }
    OctadHeader header = new OctadHeader(t.version(), false, t.createdAt(), t.modifiedAt(), t.validFrom(), t.label(), t.message(),
        t.versionCount(), t.modifiedBy(), stored, versions.getFirst().versionHash(), chain.size(),
        chain.isEmpty() ? null : chain.getLast().contentHash());
    byte[] stamped = HeaderFormat.encode(header, lsn);
    batch.put(OCTADS, key(octad.id()), stamped);
    batch.put(HEADERS, at, stamped);
    return header;
  }

  /** One stored version of an octad's header: its number, the LSN that committed it and when. */
  public record VersionStamp(long version, long commitLsn, java.time.Instant committedAt) {}

  /** The stored header versions of an octad, newest first, whatever this store's LSN. */
  public List<VersionStamp> headerVersions(OctadId id) {
    List<VersionStamp> out = new ArrayList<>();
    try (Cursor cursor = backend.scan(HEADERS, StoreKeys.prefix(id), StoreKeys.prefixEnd(id))) {
      while (cursor.next()) {
        HeaderFormat.Stamped s = HeaderFormat.decodeStamped(cursor.value(), id.value());
        out.add(new VersionStamp(s.header().version(), s.commitLsn(), s.header().modifiedAt()));
      }
    }
    return out;
  }

  /**
   * Adds to {@code batch} the removal of the octad's stored content that no version from
   * {@code oldestKept} on needs: older version headers, and per modality every facet entry older
   * than the newest one at or before {@code oldestKept} (a facet is stored only where it
   * changed, so that one is still in effect). Returns the number of entries removed.
   */
  public int stagePrune(OctadId id, long oldestKept, WriteBatch batch) {
    int removed = 0;
    try (Cursor cursor = backend.scan(HEADERS, StoreKeys.versioned(id, oldestKept - 1), StoreKeys.prefixEnd(id))) {
      while (cursor.next()) {
        batch.delete(HEADERS, cursor.key());
        removed++;
      }
    }
    for (Keyspace space : FACETS.values()) {
      boolean inEffectSeen = false;
      try (Cursor cursor = backend.scan(space, StoreKeys.versioned(id, oldestKept), StoreKeys.prefixEnd(id))) {
        while (cursor.next()) {
          if (inEffectSeen) {
            batch.delete(space, cursor.key());
            removed++;
          }
          inEffectSeen = true;
        }
      }
      if (inEffectSeen && backend.get(space, key(id)) != null) {
        batch.delete(space, key(id)); // a format-1 base entry, older than any versioned one
        removed++;
      }
    }
    return removed;
  }

  private long readLong(byte[] key) {
    byte[] bytes = backend.get(META, key);
    return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
  }

  static byte[] key(OctadId id) {
    return StoreKeys.id(id);
  }

  private static byte[] countKey(String name) {
    return ("count." + name).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }
}
