package org.verisimdb.engine.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.json.OctadJson;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.storage.ReadView;

/**
 * Writes every live octad of a consistent view as JSON Lines: one canonical JSON object per
 * octad ({@link OctadJson}, with its whole version history and provenance chain), in id order,
 * then the {@link ExportManifest}. Memory stays bounded: octads are read a page at a time.
 * Stateless.
 */
public final class Exporter {

  /** What an export wrote. */
  public record Report(ExportManifest manifest, long bytes, Duration elapsed) {}

  private Exporter() {}

  /** Exports {@code view}, which must not change meanwhile (a snapshot), to {@code out}; {@code total} sizes progress (-1 if unknown). */
  public static Report export(ReadView view, OutputStream out, long total, Progress progress) {
    long started = System.nanoTime();
    OctadStore store = new OctadStore(view);
    MessageDigest all = Sha256.digest();
    MessageDigest chunk = Sha256.digest();
    List<String> chunks = new ArrayList<>();
    Map<Modality, Long> counts = ExportManifest.zeroCounts();
    long octads = 0;
    long bytes = 0;
    try {
      for (var live = store.live(null); live.hasNext(); ) {
        Map.Entry<OctadId, OctadHeader> entry = live.next();
        Octad octad = store.read(entry.getKey(), entry.getValue(), null, Integer.MAX_VALUE);
        StringWriter text = new StringWriter(1024);
        OctadJson.write(octad, text);
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        all.update(line);
        chunk.update(line);
        bytes += line.length;
        octad.modalities().forEach(m -> counts.merge(m, 1L, Long::sum));
        octads++;
        if (octads % ExportManifest.CHUNK_LINES == 0) {
          chunks.add(HexFormat.of().formatHex(chunk.digest()));
          progress.update("exporting", octads, total);
        }
      }
      if (octads % ExportManifest.CHUNK_LINES != 0) {
        chunks.add(HexFormat.of().formatHex(chunk.digest()));
      }
      ExportManifest manifest = new ExportManifest(octads, counts, HexFormat.of().formatHex(all.digest()), chunks);
      byte[] last = (CanonicalJson.write(manifest.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(last);
      out.flush();
      progress.update("exporting", octads, octads);
      return new Report(manifest, bytes + last.length, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write the export after " + octads + " octads: " + e.getMessage(), e);
    }
  }
}
