package org.verisimdb.engine.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoreKeys;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.wal.BatchCodec;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalReader;
import org.verisimdb.storage.wal.WalRecord;

/**
 * Checks a database from a consistent view: every log record (checksum and decoding), every
 * octad's header, facets, version chain (links and hashes), provenance chain, that the current
 * version record hashes exactly the stored modalities, that no modality data is left without
 * its octad, and that the stored counts equal a recount. Collects problems rather than stopping
 * at the first. Not thread-safe; one verification per instance.
 */
public final class Verifier {
  static final int MAX_LISTED = 100;
  private static final int PAGE = 500;

  private final ReadView view;
  private final OctadStore store;
  private final List<String> problems = new ArrayList<>();
  private long problemCount;

  private Verifier(ReadView view) {
    this.view = view;
    this.store = new OctadStore(view);
  }

  /** Verifies {@code view} (a snapshot) and, when given, every record of {@code log}. */
  public static VerifyReport verify(ReadView view, Wal log, Progress progress) {
    long started = System.nanoTime();
    Verifier v = new Verifier(view);
    long logRecords = log == null ? 0 : v.checkLog(log, progress);
    long[] counts = v.checkOctads(progress);
    v.checkOrphans();
    return new VerifyReport(counts[0], counts[1], counts[2], counts[3], logRecords, v.problemCount, v.problems,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void problem(String text) {
    problemCount++;
    if (problems.size() < MAX_LISTED) {
      problems.add(text);
    }
  }

  private long checkLog(Wal log, Progress progress) {
    long records = 0;
    try (WalReader reader = log.read(log.firstLsn())) {
      while (reader.hasNext()) {
        WalRecord record = reader.next();
        try {
          BatchCodec.decode(record.lsn(), record.payload());
        } catch (IllegalArgumentException e) {
          problem("log record " + record.lsn() + " (" + record.segment() + " at offset " + record.offset() + ") cannot be decoded: " + e.getMessage());
        }
        if (++records % 100_000 == 0) {
          progress.update("checking the log", records, -1);
        }
      }
    } catch (VeriSimException e) {
      problem("log: " + e.getMessage());
    }
    return records;
  }

  /** Returns {live octads, deleted octads, version records, provenance records}. */
  private long[] checkOctads(Progress progress) {
    long live = 0;
    long deleted = 0;
    long versions = 0;
    long records = 0;
    Counts recount = Counts.ZERO;
    OctadId after = null;
    while (true) {
      List<Map.Entry<OctadId, OctadHeader>> page;
      try {
        page = store.headersAfter(after, PAGE, true);
      } catch (VeriSimException e) {
        problem("octad headers after " + after + ": " + e.getMessage());
        break;
      }
      for (Map.Entry<OctadId, OctadHeader> entry : page) {
        OctadId id = entry.getKey();
        OctadHeader header = entry.getValue();
        try {
          versions += checkVersions(id, header);
          records += checkProvenance(id, header);
          if (header.live()) {
            checkContent(id, header);
            recount = recount.apply(null, header.modalities());
            live++;
          } else {
            deleted++;
          }
        } catch (VeriSimException e) {
          problem("octad " + id + ": " + e.getMessage());
        }
      }
      progress.update("checking octads", live + deleted, -1);
      if (page.size() < PAGE) {
        break;
      }
      after = page.getLast().getKey();
    }
    Counts stored = store.counts();
    for (Modality m : Modality.values()) {
      if (stored.count(m) != recount.count(m)) {
        problem("the stored count of octads with " + m.wireName() + " is " + stored.count(m) + " but " + recount.count(m) + " have it");
      }
    }
    if (stored.octads() != recount.octads()) {
      problem("the stored count of octads is " + stored.octads() + " but there are " + recount.octads());
    }
    return new long[] {live, deleted, versions, records};
  }

  private long checkVersions(OctadId id, OctadHeader header) {
    List<VersionRecord> all = store.versions(id, 1, header.version());
    if (all.size() != header.versionCount()) {
      problem("octad " + id + " has " + all.size() + " version records, its header counts " + header.versionCount());
    }
    String parent = Sha256.GENESIS;
    for (int i = 0; i < all.size(); i++) {
      VersionRecord v = all.get(i);
      if (v.version() != i + 1) {
        problem("octad " + id + ": version record " + (i + 1) + " is missing");
        return all.size();
      }
      if (!v.parentHash().equals(parent)) {
        problem("octad " + id + ": version " + v.version() + " links to " + v.parentHash() + " instead of " + parent);
      }
      if (!v.recomputeHash().equals(v.versionHash())) {
        problem("octad " + id + ": version " + v.version() + " hashes to " + v.recomputeHash() + " but stores " + v.versionHash());
      }
      parent = v.versionHash();
    }
    if (!all.isEmpty() && !all.getLast().versionHash().equals(header.versionHash())) {
      problem("octad " + id + ": the header points at version hash " + header.versionHash() + " but the newest record is " + parent);
    }
    return all.size();
  }

  private long checkProvenance(OctadId id, OctadHeader header) {
    List<ProvenanceRecord> chain = store.provenance(id);
    if (chain.size() != header.provenanceCount()) {
      problem("octad " + id + " has " + chain.size() + " provenance records, its header counts " + header.provenanceCount());
    }
    if (!chain.isEmpty()) {
      ProvenanceFacet.Verification verification = new ProvenanceFacet(chain).verify();
      if (!verification.valid()) {
        problem("octad " + id + ": provenance " + verification.reason());
      }
      if (!chain.getLast().contentHash().equals(header.provenanceHead())) {
        problem("octad " + id + ": the header's provenance head " + header.provenanceHead() + " is not the newest record");
      }
    }
    return chain.size();
  }

  private void checkContent(OctadId id, OctadHeader header) {
    Map<Modality, Facet> facets = store.facets(id, header);
    VersionRecord current = store.versions(id, header.version(), header.version()).getFirst();
    Map<Modality, String> hashes = new EnumMap<>(ContentHash.modalityHashes(facets));
    if (header.provenanceHead() != null) {
      hashes.put(Modality.PROVENANCE, ContentHash.of(new ProvenanceFacet(List.of(store.provenance(id).getLast()))));
    }
    if (!hashes.equals(current.modalityHashes())) {
      for (Modality m : Modality.values()) {
        if (!java.util.Objects.equals(hashes.get(m), current.modalityHashes().get(m))) {
          problem("octad " + id + ": " + m.wireName() + " hashes to " + hashes.get(m) + " but version " + header.version() + " recorded "
              + current.modalityHashes().get(m) + " (changed outside the write path, or half written)");
        }
      }
    } else if (!ContentHash.ofOctad(id, hashes).equals(current.contentHash())) {
      problem("octad " + id + ": the content hash of version " + header.version() + " does not recompute");
    }
  }

  // Modality data whose octad is gone, data the newest version does not account for, or data of versions not yet written.
  private void checkOrphans() {
    for (Modality m : Modality.values()) {
      if (!m.userWritable()) {
        continue;
      }
      try (Cursor cursor = view.scan(OctadStore.keyspaceOf(m), null, null)) {
        OctadId current = null;
        long newest = -1;
        boolean newestDropped = false;
        while (cursor.next()) {
          byte[] key = cursor.key();
          OctadId id = StoreKeys.idOf(key);
          long version = StoreKeys.versionOf(key);
          if (!id.equals(current)) {
            checkNewestFacet(m, current, newest, newestDropped);
            current = id;
            newest = -1;
          }
          if (version > newest) {
            newest = version;
            byte[] value = cursor.value();
            newestDropped = value.length == 1 && value[0] == 0;
          }
        }
        checkNewestFacet(m, current, newest, newestDropped);
      } catch (VeriSimException e) {
        problem(m.wireName() + " data: " + e.getMessage());
      }
    }
  }

  private void checkNewestFacet(Modality m, OctadId id, long newest, boolean dropped) {
    if (id == null) {
      return;
    }
    OctadHeader header = store.header(id);
    if (header == null) {
      problem(m.wireName() + " data of octad " + id + " is stored, but the octad does not exist");
    } else if (newest > header.version()) {
      problem(m.wireName() + " data of octad " + id + " is stored for version " + newest + ", after its newest version " + header.version());
    } else if (!dropped && !(header.live() && header.modalities().contains(m))) {
      problem(m.wireName() + " data of octad " + id + " is stored, but " + (header.live() ? "its header does not list " + m.wireName()
          : "the octad is deleted"));
    } else if (dropped && header.live() && header.modalities().contains(m)) {
      problem("octad " + id + " lists " + m.wireName() + " but its newest " + m.wireName() + " data is a removal");
    }
  }
}
