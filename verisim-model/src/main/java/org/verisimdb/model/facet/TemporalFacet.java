package org.verisimdb.model.facet;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The version history of an octad, as the database keeps it: the current version and its
 * times, the business time ({@code validFrom}), label and message the writer gave it, how many
 * versions exist, every principal that committed one, and the newest version records (newest
 * first; possibly only the most recent ones, see the read options). Always present; written only
 * by the database. Versions start at 1 and increase by one with every committed change,
 * deletions included.
 */
public record TemporalFacet(
    long version,
    Instant createdAt,
    Instant modifiedAt,
    Instant validFrom,
    String label,
    String message,
    long versionCount,
    SortedSet<String> modifiedBy,
    List<VersionRecord> versions) implements Facet {

  /** Longest label, in chars. */
  public static final int MAX_LABEL = Limits.MAX_SHORT_TEXT;
  /** Longest version message, in chars. */
  public static final int MAX_MESSAGE = 64 * 1024;

  public TemporalFacet {
    if (version < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "temporal.version", "versions start at 1, got " + version);
    }
    createdAt = Timestamps.require(createdAt, ErrorCode.INVALID_TEMPORAL, "temporal.created_at", "creation time");
    modifiedAt = Timestamps.require(modifiedAt, ErrorCode.INVALID_TEMPORAL, "temporal.modified_at", "modification time");
    if (modifiedAt.isBefore(createdAt)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "temporal.modified_at",
          "modification time " + modifiedAt + " precedes creation time " + createdAt);
    }
    if (validFrom != null) {
      validFrom = Timestamps.require(validFrom, ErrorCode.INVALID_TEMPORAL, "temporal.valid_from", "valid-from time");
    }
    checkLabelAndMessage(label, message);
    if (versionCount < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "temporal.version_count", "an octad has at least one version");
    }
    modifiedBy = modifiedBy == null ? java.util.Collections.emptySortedSet()
        : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(modifiedBy));
    versions = versions == null ? List.of() : List.copyOf(versions);
    if (!versions.isEmpty() && versions.getFirst().version() != version) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "temporal.versions",
          "the newest version record is " + versions.getFirst().version() + " but the current version is " + version);
    }
  }

  /** Validates a version label (one line) and message. */
  public static void checkLabelAndMessage(String label, String message) {
    if (label != null) {
      Limits.requireShortText(label, MAX_LABEL, ErrorCode.INVALID_TEMPORAL, "temporal.label", "version label");
    }
    if (message != null) {
      Limits.requireText(message, MAX_MESSAGE, ErrorCode.INVALID_TEMPORAL, "temporal.message", "version message");
    }
  }

  @Override
  public Modality modality() {
    return Modality.TEMPORAL;
  }

  /** The current version's record, when the history was read with it. */
  public VersionRecord current() {
    return versions.isEmpty() ? null : versions.getFirst();
  }
}
