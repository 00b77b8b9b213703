package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.VersionRecord;

/**
 * The {@link History} of the octads in a database's stores: checks each request, then answers it
 * from one snapshot through a {@link Timeline} of the octad. Thread-safe (stateless beyond its settings).
 */
final class StoredHistory implements History {
  private final Histories.Reads reads;
  private final int historyLimit;
  private final int maxLimit;

  StoredHistory(Histories.Reads reads, int historyLimit, int maxLimit) {
    this.reads = reads;
    this.historyLimit = historyLimit;
    this.maxLimit = maxLimit;
  }

  @Override
  public List<VersionInfo> versions(OctadId id, long fromVersion, int limit) {
    requireId(id);
    requireVersion("fromVersion", fromVersion);
    checkLimit(limit);
    long to = fromVersion > Long.MAX_VALUE - limit ? Long.MAX_VALUE : fromVersion + limit - 1;
    return read("listing the versions of octad " + id, id, t -> t.infos(fromVersion, to, r -> true), () -> missing(id));
  }

  @Override
  public Optional<Octad> asOf(OctadId id, Instant time) {
    requireId(id);
    requireTime("time", time);
    String asked = "octad '" + id + "' as of " + time;
    return read("reading " + asked, id, t -> {
      long version = t.versionAt(time);
      if (version == 0 || t.record(version).isDeletion()) {
        return Optional.empty();
      }
      return Optional.of(t.reconstruct(version, historyLimit, asked));
    }, Optional::empty);
  }

  @Override
  public Optional<Octad> atVersion(OctadId id, long version) {
    requireId(id);
    requireVersion("version", version);
    String asked = "version " + version + " of octad '" + id + "'";
    return read("reading " + asked, id, t -> Optional.of(live(t, version, asked)), Optional::empty);
  }

  @Override
  public Optional<Octad> atLabel(OctadId id, String label) {
    requireId(id);
    if (label == null || label.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "label", "a version label is required, e.g. 'reviewed'");
    }
    String asked = "the version of octad '" + id + "' labelled '" + label + "'";
    return read("reading " + asked, id, t -> {
      long version = t.labelled(label);
      if (version == 0) {
        throw new VeriSimException(ErrorCode.VERSION_NOT_FOUND, "no version of octad '" + id + "' is labelled '" + label
            + "' (labels are compared exactly); list its versions to see their labels");
      }
      return Optional.of(t.reconstruct(version, historyLimit, asked));
    }, Optional::empty);
  }

  @Override
  public List<VersionInfo> between(OctadId id, Instant from, Instant to, int limit) {
    requireId(id);
    requireTime("from", from);
    requireTime("to", to);
    if (from.isAfter(to)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "from", "the range starts at " + from + ", after its end " + to
          + "; give the earlier time first");
    }
    checkLimit(limit);
    return read("listing the versions of octad " + id + " between " + from + " and " + to, id, t -> {
      long first = t.firstFrom(from);
      return t.infos(first, first + limit - 1, r -> !r.committedAt().isAfter(to));
    }, () -> missing(id));
  }

  @Override
  public VersionDiff diff(OctadId id, long from, long to) {
    requireId(id);
    requireVersion("from", from);
    requireVersion("to", to);
    if (from > to) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "from", "the diff starts at version " + from + ", after version " + to
          + "; give the older version first");
    }
    return read("comparing versions " + from + " and " + to + " of octad " + id, id, t -> {
      Octad before = live(t, from, "version " + from + " of octad '" + id + "'");
      Octad after = from == to ? before : live(t, to, "version " + to + " of octad '" + id + "'");
      return Diffs.of(before, after);
    }, () -> missing(id));
  }

  // The octad at a version that must exist, be live and be retained.
  private Octad live(Timeline t, long version, String asked) {
    if (version > t.newestVersion()) {
      throw new VeriSimException(ErrorCode.VERSION_NOT_FOUND, asked + " does not exist: its versions are 1 to " + t.newestVersion());
    }
    VersionRecord record = t.record(version);
    if (record.isDeletion()) {
      throw new VeriSimException(ErrorCode.VERSION_NOT_FOUND, asked + " recorded the octad's deletion and has no content"
          + (version > 1 ? "; read version " + (version - 1) + " for its state before" : ""));
    }
    return t.reconstruct(version, historyLimit, asked);
  }

  /** Runs {@code work} on the octad's timeline in one snapshot; {@code absent} answers for an octad that never existed. */
  private <T> T read(String what, OctadId id, Function<Timeline, T> work, Supplier<T> absent) {
    return reads.read(what, store -> {
      Timeline t = new Timeline(store, id);
      return t.exists() ? work.apply(t) : absent.get();
    });
  }

  private static <T> T missing(OctadId id) {
    throw new VeriSimException(ErrorCode.OCTAD_NOT_FOUND, "octad '" + id + "' does not exist and never existed; check the id");
  }

  private void checkLimit(int limit) {
    if (limit < 1 || limit > maxLimit) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "limit", "limit " + limit + " is outside 1.." + maxLimit
          + " (vql.max_limit); page through longer histories from the last version read");
    }
  }

  private static void requireId(OctadId id) {
    if (id == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ID, "id", "an octad id is required");
    }
  }

  private static void requireVersion(String field, long version) {
    if (version < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, field, field + " is " + version + "; versions start at 1");
    }
  }

  private static void requireTime(String field, Instant time) {
    if (time == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, field, "a time is required for " + field);
    }
  }
}
