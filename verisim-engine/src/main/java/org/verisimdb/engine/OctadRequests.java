package org.verisimdb.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.write.WriteOp;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * What a session operation and a transaction operation share: checking a request and turning
 * it into a {@link WriteOp}, and reading live octads and pages of them from a view. Stateless.
 */
final class OctadRequests {
  private static final String CURSOR_PREFIX = "c1.";

  private OctadRequests() {}

  /** A page of live octads after {@code after}, read from {@code view}. */
  static Page<Octad> page(OctadStore view, OctadId after, int limit, int historyLimit) {
    List<Map.Entry<OctadId, OctadHeader>> entries = view.liveAfter(after, limit + 1);
    boolean more = entries.size() > limit;
    List<Octad> octads = new ArrayList<>(Math.min(limit, entries.size()));
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      Map.Entry<OctadId, OctadHeader> e = entries.get(i);
      octads.add(view.read(e.getKey(), e.getValue(), null, historyLimit));
    }
    return new Page<>(octads, more ? encodeCursor(octads.getLast().id()) : null);
  }

  /** The live octad {@code id} as {@code view} holds it, or empty. */
  static Optional<Octad> liveOctad(OctadStore view, OctadId id, int historyLimit) {
    OctadHeader header = view.header(id);
    return header == null || !header.live() ? Optional.empty() : Optional.of(view.read(id, header, null, historyLimit));
  }

  static boolean isLive(OctadStore view, OctadId id) {
    OctadHeader header = view.header(id);
    return header != null && header.live();
  }

  /** The create a caller asks for, checked; the id is the input's or a new random one. */
  static WriteOp createOp(OctadInput input) {
    if (input == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "create needs an input");
    }
    return new WriteOp.Create(input.id() != null ? input.id() : OctadId.random(), input);
  }

  static WriteOp updateOp(OctadId id, OctadPatch patch) {
    requireId(id);
    if (patch == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "update needs a patch");
    }
    return new WriteOp.Update(id, patch);
  }

  static WriteOp deleteOp(OctadId id) {
    requireId(id);
    return new WriteOp.Delete(id);
  }

  static void requireId(OctadId id) {
    if (id == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ID, "id", "an octad id is required");
    }
  }

  static String encodeCursor(OctadId last) {
    return CURSOR_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(last.value().getBytes(StandardCharsets.UTF_8));
  }

  static OctadId decodeCursor(String cursor) {
    try {
      if (cursor.startsWith(CURSOR_PREFIX)) {
        return OctadId.of(new String(Base64.getUrlDecoder().decode(cursor.substring(CURSOR_PREFIX.length())), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException | VeriSimException e) {
      // fall through to the one message for every malformed cursor
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_CURSOR, "cursor",
        "'" + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor) + "' is not a cursor of this listing; pass the nextCursor of the previous page, or null to start");
  }
}
