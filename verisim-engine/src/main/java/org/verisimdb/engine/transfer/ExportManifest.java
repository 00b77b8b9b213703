package org.verisimdb.engine.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;

/**
 * The last line of an export: {@code {"manifest": {…}}} with the format, the number of octads,
 * how many have each modality, the SHA-256 of all octad lines (each with its newline), and the
 * SHA-256 of each chunk of {@value #CHUNK_LINES} lines, so an import can say which lines changed.
 * It holds nothing but what the content determines, so equal databases export equal files.
 */
public record ExportManifest(long octads, Map<Modality, Long> perModality, String sha256, List<String> chunks) {
  public static final String FORMAT = "verisimdb-export";
  public static final int VERSION = 1;
  public static final int CHUNK_LINES = 10_000;

  public ExportManifest {
    perModality = Map.copyOf(perModality);
    chunks = List.copyOf(chunks);
  }

  /** The manifest as the JSON object of its line. */
  public Map<String, Object> toJson() {
    Map<String, Object> modalities = new LinkedHashMap<>();
    for (Modality m : Modality.values()) {
      modalities.put(m.wireName(), perModality.getOrDefault(m, 0L));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("format", FORMAT);
    body.put("version", VERSION);
    body.put("octads", octads);
    body.put("modalities", modalities);
    body.put("sha256", sha256);
    body.put("chunk_lines", CHUNK_LINES);
    body.put("chunks", new ArrayList<>(chunks));
    return Map.of("manifest", body);
  }

  /** Counts per modality, every modality present (zeros included). */
  public static Map<Modality, Long> zeroCounts() {
    Map<Modality, Long> counts = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      counts.put(m, 0L);
    }
    return counts;
  }
}
