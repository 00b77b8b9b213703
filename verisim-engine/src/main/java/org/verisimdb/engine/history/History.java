package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;

/**
 * The version history of octads, read from the versions the database keeps (see
 * {@code history.retention}). Every call reads one committed snapshot, so writes committed
 * meanwhile never mix in; inside a transaction's work it reads committed history, not the
 * transaction's own writes. Thread-safe.
 *
 * <p>A reconstructed octad is exactly what {@code get} returned right after that version was
 * committed: every modality as it was, the TEMPORAL facet of that version (number, times, label,
 * message, version count and the newest {@code temporal.history_limit} version records up to it)
 * and the provenance chain as it stood.
 *
 * <p>Version records and provenance chains are kept for ever, so {@link #versions} and
 * {@link #between} cover the whole history, deleted octads included. The content of old versions
 * goes when the retention policy removes it: reconstructing such a version, and a diff that needs
 * one, is VERSION_NOT_FOUND, and {@link VersionInfo#retained()} says which versions are affected.
 *
 * <p>Errors: a null id is INVALID_ID; bad numbers, limits and times are INVALID_ARGUMENT. The
 * reads of one octad ({@link #asOf}, {@link #atVersion}, {@link #atLabel}) are empty when no
 * octad with that id has ever existed, as {@code get} is; the listings and {@link #diff} report
 * that as OCTAD_NOT_FOUND.
 */
public interface History {

  /**
   * Up to {@code limit} versions of the octad from {@code fromVersion} on, oldest first; fewer
   * than {@code limit} (possibly none) once the newest version is reached. The next page starts
   * at the last one's version + 1. Deleted octads have their history too.
   *
   * @param fromVersion 1 or more
   * @param limit 1 to {@code vql.max_limit}
   */
  List<VersionInfo> versions(OctadId id, long fromVersion, int limit);

  default List<VersionInfo> versions(String id, long fromVersion, int limit) {
    return versions(OctadId.of(id), fromVersion, limit);
  }

  /**
   * The octad as it was at {@code time}: in its latest version committed at or before then.
   * Empty when it was created after {@code time} or deleted at or before it. A time in the future
   * reads the newest version. VERSION_NOT_FOUND when the version in effect at {@code time} is
   * older than the retained history; the message says from when history is kept.
   */
  Optional<Octad> asOf(OctadId id, Instant time);

  default Optional<Octad> asOf(String id, Instant time) {
    return asOf(OctadId.of(id), time);
  }

  /**
   * The octad at {@code version}. VERSION_NOT_FOUND when the octad has no such version, the
   * version recorded a deletion, or its content is no longer retained.
   *
   * @param version 1 or more
   */
  Optional<Octad> atVersion(OctadId id, long version);

  default Optional<Octad> atVersion(String id, long version) {
    return atVersion(OctadId.of(id), version);
  }

  /**
   * The octad at the newest version whose label is {@code label} (compared exactly).
   * VERSION_NOT_FOUND when no version carries it or that version's content is no longer retained.
   */
  Optional<Octad> atLabel(OctadId id, String label);

  default Optional<Octad> atLabel(String id, String label) {
    return atLabel(OctadId.of(id), label);
  }

  /**
   * Up to {@code limit} versions committed at a time in [{@code from}, {@code to}], oldest first.
   * Commit times increase with the version number, so the next page starts just after the last
   * one's {@link VersionInfo#committedAt()}. {@code from} after {@code to} is INVALID_ARGUMENT.
   *
   * @param limit 1 to {@code vql.max_limit}
   */
  List<VersionInfo> between(OctadId id, Instant from, Instant to, int limit);

  default List<VersionInfo> between(String id, Instant from, Instant to, int limit) {
    return between(OctadId.of(id), from, to, limit);
  }

  /**
   * What changed in each modality from version {@code from} to version {@code to}
   * ({@code from} ≤ {@code to}; equal versions give a diff with nothing changed). Both versions
   * must be reconstructable, as for {@link #atVersion}.
   */
  VersionDiff diff(OctadId id, long from, long to);

  default VersionDiff diff(String id, long from, long to) {
    return diff(OctadId.of(id), from, to);
  }
}
