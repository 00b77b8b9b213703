package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.VersionRecord;

/**
 * One octad's history as one snapshot of the stores holds it: the version records up to the
 * version the snapshot sees (kept for ever) and the stored headers of the versions whose content
 * is still kept, each with the LSN of its commit. Lives for one read; not thread-safe.
 *
 * <p>A version is reconstructed from its stored header: facets are stored per version, version
 * records by number and provenance records by sequence, so reading them with that header gives
 * what a reader at its commit saw. Old content can be removed while it is read (the history
 * collector keeps only what snapshots can see, and this reads behind its snapshot), so a
 * reconstruction counts only if its header is still stored after the read: the collector's batch
 * removes a version's header before its facets, so a header still there vouches for what was read.
 */
final class Timeline {
  private static final int CHUNK = 256;

  private final OctadStore store;
  private final OctadId id;
  private final OctadHeader newest;
  private Map<Long, Long> stored; // version → commit LSN of each stored header up to the newest; loaded on demand

  Timeline(OctadStore store, OctadId id) {
    this.store = store;
    this.id = id;
    this.newest = store.header(id);
  }

  /** True when the octad exists or once existed, as of the snapshot. */
  boolean exists() {
    return newest != null;
  }

  long newestVersion() {
    return newest.version();
  }

  OctadId id() {
    return id;
  }

  VersionRecord record(long version) {
    List<VersionRecord> one = store.versions(id, version, version);
    if (one.isEmpty()) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "octad '" + id + "' is at version " + newest.version() + " but its version record "
          + version + " is missing; run verify, and restore from a backup if it reports damage");
    }
    return one.getFirst();
  }

  /** Version records {@code from..to}, clipped to the versions the snapshot sees, oldest first. */
  List<VersionRecord> records(long from, long to) {
    long last = Math.min(to, newest.version());
    return from > last ? List.of() : store.versions(id, Math.max(1, from), last);
  }

  /** The newest version committed at or before {@code time}, or 0 when the first came later. */
  long versionAt(Instant time) {
    return lastWhere(at -> !at.isAfter(time));
  }

  /** The oldest version committed at or after {@code time}, or newest + 1 when none was. */
  long firstFrom(Instant time) {
    return lastWhere(at -> at.isBefore(time)) + 1;
  }

  // Commit times increase with version numbers (the commit clock never repeats or steps back while
  // a database is open), so the versions whose time passes the test are 1..n: binary search for n.
  private long lastWhere(Predicate<Instant> passes) {
    long lo = 1;
    long hi = newest.version();
    if (passes.test(record(hi).committedAt())) {
      return hi;
    }
    long found = 0;
    hi--;
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      if (passes.test(record(mid).committedAt())) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The newest version labelled {@code label}, or 0; reads the records newest first, a chunk at a time. */
  long labelled(String label) {
    for (long hi = newest.version(); hi >= 1; hi -= CHUNK) {
      List<VersionRecord> chunk = records(Math.max(1, hi - CHUNK + 1), hi);
      for (VersionRecord r : chunk.reversed()) {
        if (label.equals(r.label())) {
          return r.version();
        }
      }
    }
    return 0;
  }

  /** What the history lists about versions {@code from..to} that pass {@code keep}, oldest first. */
  List<VersionInfo> infos(long from, long to, Predicate<VersionRecord> keep) {
    List<VersionRecord> records = records(from - 1, to);
    List<VersionInfo> infos = new ArrayList<>(records.size());
    VersionRecord previous = null;
    for (VersionRecord r : records) {
      if (r.version() >= from && keep.test(r)) {
        infos.add(info(r, previous));
      }
      previous = r;
    }
    return infos;
  }

  private VersionInfo info(VersionRecord r, VersionRecord previous) {
    Set<Modality> present = EnumSet.noneOf(Modality.class);
    present.addAll(r.modalityHashes().keySet());
    if (!r.isDeletion()) {
      present.add(Modality.TEMPORAL);
    }
    Map<Modality, String> before = previous == null ? Map.of() : previous.modalityHashes();
    Set<Modality> changed = EnumSet.noneOf(Modality.class);
    changed.addAll(before.keySet());
    changed.addAll(r.modalityHashes().keySet());
    changed.removeIf(m -> Objects.equals(before.get(m), r.modalityHashes().get(m)));
    return new VersionInfo(r.version(), r.committedAt(), r.actor(), r.label(), r.message(), r.validFrom(), r.isDeletion(), present, changed,
        retained(r.version()), r.versionHash());
  }

  /** True when the content of {@code version} is still stored. */
  boolean retained(long version) {
    return version == newest.version() || stored().containsKey(version);
  }

  /**
   * The live octad at {@code version} (not a deletion), as {@code get} returned it right after that
   * version was committed; VERSION_NOT_FOUND, worded after {@code asked}, when its content is gone.
   */
  Octad reconstruct(long version, int historyLimit, String asked) {
    if (version == newest.version()) {
      return store.read(id, newest, null, historyLimit); // the version the snapshot sees: never collected while it reads
    }
    Long lsn = stored().get(version);
    if (lsn == null) {
      throw notRetained(version, asked);
    }
    Octad octad = null;
    try {
      OctadHeader header = store.at(lsn).header(id);
      if (header != null && header.version() == version) {
        octad = store.read(id, header, null, historyLimit);
      }
    } catch (VeriSimException e) {
      if (e.code() != ErrorCode.STORAGE_CORRUPT || stillStored(version)) {
        throw e;
      }
    }
    if (!stillStored(version)) {
      throw notRetained(version, asked); // collected while it was read: what was read may be partial
    }
    if (octad == null) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "octad '" + id + "' stores version " + version + " at LSN " + lsn
          + " but its header does not read back as that version; run verify, and restore from a backup if it reports damage");
    }
    return octad;
  }

  private boolean stillStored(long version) {
    for (OctadStore.VersionStamp s : store.headerVersions(id)) {
      if (s.version() == version) {
        return true;
      }
    }
    return false;
  }

  private Map<Long, Long> stored() {
    if (stored == null) {
      stored = new HashMap<>();
      for (OctadStore.VersionStamp s : store.headerVersions(id)) {
        if (s.version() <= newest.version()) {
          stored.put(s.version(), s.commitLsn());
        }
      }
    }
    return stored;
  }

  /** VERSION_NOT_FOUND for a version whose content is not stored (removed by retention, or imported), saying from when history is kept. */
  VeriSimException notRetained(long version, String asked) {
    long oldest = newest.version();
    for (long v : stored().keySet()) {
      oldest = Math.min(oldest, v);
    }
    VersionRecord kept = record(oldest);
    return new VeriSimException(ErrorCode.VERSION_NOT_FOUND, asked + " cannot be read: the history of octad '" + id + "' before "
        + Timestamps.format(kept.committedAt()) + " (version " + oldest + ") is no longer retained, and version " + version
        + " is older (history.retention removes old content; an import brings only the newest version). Read version " + oldest
        + " or later, or a time from then on.");
  }
}
