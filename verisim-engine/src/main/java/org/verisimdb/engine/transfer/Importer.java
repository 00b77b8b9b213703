package org.verisimdb.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.json.OctadJson;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * Reads exports back. {@link #check} reads the whole file once, validating every octad and
 * comparing the lines with the manifest, so that a damaged, cut or altered file is refused before
 * anything is written, with what is missing or altered spelled out. {@link #load} then reads the
 * octads in batches for the database to commit. Memory stays bounded whatever the file's size:
 * one batch of octads and one line at a time. Stateless.
 */
public final class Importer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an import committed. */
  public record Report(long octads, long batches, Duration elapsed) {}

  private Importer() {}

  /**
   * Checks {@code file} against its manifest: every line an octad, ids in strictly increasing
   * order (so none repeats), none already in the database ({@code exists}), counts and hashes
   * as the manifest lists them. Returns the manifest; throws TRANSFER_INVALID otherwise.
   */
  public static ExportManifest check(Path file, Predicate<OctadId> exists, Progress progress) {
    MessageDigest all = Sha256.digest();
    MessageDigest chunk = Sha256.digest();
    List<String> chunks = new ArrayList<>();
    Map<Modality, Long> counts = ExportManifest.zeroCounts();
    List<String> conflicts = new ArrayList<>();
    long octads = 0;
    OctadId previous = null;
    JsonNode manifest = null;
    try (ExportFile in = new ExportFile(file)) {
      String line;
      while ((line = in.next()) != null) {
        if (manifest != null) {
          throw in.invalid("line " + in.lineNumber() + " follows the manifest; an export ends with its manifest");
        }
        JsonNode node = parse(in, line);
        if (node.has("manifest")) {
          manifest = node.get("manifest");
          continue;
        }
        Octad octad = octad(in, node);
        if (previous != null && octad.id().compareTo(previous) <= 0) {
          throw in.invalid("line " + in.lineNumber() + " holds octad " + octad.id() + " after " + previous
              + "; exports list octads once each, in id order, so the file was edited or merged");
        }
        previous = octad.id();
        if (conflicts.size() < 5 && exists.test(octad.id())) {
          conflicts.add(octad.id() + " (line " + in.lineNumber() + ")");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        all.update(bytes);
        chunk.update(bytes);
        octad.modalities().forEach(m -> counts.merge(m, 1L, Long::sum));
        octads++;
        if (octads % ExportManifest.CHUNK_LINES == 0) {
          chunks.add(HexFormat.of().formatHex(chunk.digest()));
          progress.update("checking", octads, -1);
        }
      }
      if (octads % ExportManifest.CHUNK_LINES != 0) {
        chunks.add(HexFormat.of().formatHex(chunk.digest()));
      }
      if (manifest == null) {
        throw in.invalid("it has no manifest line: the export did not finish or the file was cut ("
            + octads + " octad lines read, the last line is " + in.lineNumber() + ")");
      }
      ExportManifest expected = manifest(in, manifest);
      ExportManifest actual = new ExportManifest(octads, counts, HexFormat.of().formatHex(all.digest()), chunks);
      compare(in, expected, actual);
      if (!conflicts.isEmpty()) {
        throw in.invalid("octads already in the database: " + String.join(", ", conflicts)
            + (conflicts.size() == 5 ? " and maybe more" : "") + "; import into an empty database, or delete them first");
      }
      return expected;
    }
  }

  /** Reads the octads of a checked file in batches of {@code batchSize} and hands each batch to {@code sink}. */
  public static Report load(Path file, int batchSize, Consumer<List<Octad>> sink) {
    long started = System.nanoTime();
    long octads = 0;
    long batches = 0;
    List<Octad> batch = new ArrayList<>(batchSize);
    try (ExportFile in = new ExportFile(file)) {
      String line;
      while ((line = in.next()) != null) {
        JsonNode node = parse(in, line);
        if (node.has("manifest")) {
          break;
        }
        batch.add(octad(in, node));
        if (batch.size() == batchSize) {
          sink.accept(batch);
          octads += batch.size();
          batches++;
          batch = new ArrayList<>(batchSize);
        }
      }
      if (!batch.isEmpty()) {
        sink.accept(batch);
        octads += batch.size();
        batches++;
      }
    }
    return new Report(octads, batches, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void compare(ExportFile in, ExportManifest expected, ExportManifest actual) {
    List<String> problems = new ArrayList<>();
    if (actual.octads() != expected.octads()) {
      long gap = expected.octads() - actual.octads();
      problems.add("the manifest lists " + expected.octads() + " octads but the file holds " + actual.octads()
          + (gap > 0 ? ": " + gap + " are missing" : ": " + (-gap) + " were added"));
    }
    for (Modality m : Modality.values()) {
      long want = expected.perModality().getOrDefault(m, 0L);
      long got = actual.perModality().getOrDefault(m, 0L);
      if (want != got) {
        problems.add(m.wireName() + ": " + got + " octads have it, the manifest says " + want);
      }
    }
    List<String> altered = new ArrayList<>();
    int n = Math.max(expected.chunks().size(), actual.chunks().size());
    for (int i = 0; i < n; i++) {
      String want = i < expected.chunks().size() ? expected.chunks().get(i) : null;
      String got = i < actual.chunks().size() ? actual.chunks().get(i) : null;
      if (want == null || !want.equals(got)) {
        long first = (long) i * ExportManifest.CHUNK_LINES + 1;
        altered.add("lines " + first + "–" + (first + ExportManifest.CHUNK_LINES - 1));
      }
    }
    if (!altered.isEmpty()) {
      problems.add("content differs from the manifest in " + String.join(", ", altered.subList(0, Math.min(10, altered.size())))
          + (altered.size() > 10 ? " and " + (altered.size() - 10) + " more blocks" : ""));
    } else if (!actual.sha256().equals(expected.sha256())) {
      problems.add("the file's SHA-256 " + actual.sha256() + " differs from the manifest's " + expected.sha256());
    }
    if (!problems.isEmpty()) {
      throw in.invalid("it does not match its manifest: " + String.join("; ", problems) + ". Nothing was imported");
    }
  }

  private static ExportManifest manifest(ExportFile in, JsonNode m) {
    if (!ExportManifest.FORMAT.equals(m.path("format").asText()) || m.path("version").asInt(-1) != ExportManifest.VERSION
        || m.path("chunk_lines").asInt(-1) != ExportManifest.CHUNK_LINES) {
      throw in.invalid("its manifest is not a " + ExportManifest.FORMAT + " version " + ExportManifest.VERSION + " manifest");
    }
    Map<Modality, Long> counts = ExportManifest.zeroCounts();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.path("modalities").properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      counts.put(Modality.parse(e.getKey()), e.getValue().asLong());
    }
    List<String> chunks = new ArrayList<>();
    m.path("chunks").forEach(c -> chunks.add(c.asText()));
    return new ExportManifest(m.path("octads").asLong(-1), counts, m.path("sha256").asText(), chunks);
  }

  private static JsonNode parse(ExportFile in, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw in.invalid("line " + in.lineNumber() + " is not a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw in.invalid("line " + in.lineNumber() + " is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static Octad octad(ExportFile in, JsonNode node) {
    try {
      return OctadJson.read(node);
    } catch (VeriSimException e) {
      throw in.invalid("line " + in.lineNumber() + " is not a valid octad: " + (e.field() == null ? "" : "at " + e.field() + ": ")
          + e.getMessage());
    }
  }
}
