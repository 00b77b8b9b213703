package org.verisimdb.engine.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * {@code BACKUP.json} at the top of a backup directory: which database it is, how it was stored,
 * the LSN each store was copied at, and the log records it holds ({@code log_from} to
 * {@code last_lsn}), with one entry per incremental backup since. The layout beside it:
 * {@code data/<backend>/} holds each store's copy, {@code wal/} a write-ahead log of those records.
 *
 * @param layout the FORMAT entries that describe the storage layout ({@code storage.backend}, …)
 * @param stores the LSN each backend's copy holds, by backend name
 */
public record BackupManifest(String databaseId, Map<String, String> layout, Map<String, Long> stores, long logFrom, long lastLsn,
    Instant createdAt, List<Increment> increments) {
  public static final String FILE = "BACKUP.json";
  static final String FORMAT = "verisimdb-backup";
  static final int VERSION = 1;

  /** One incremental backup: the log records it added and when. */
  public record Increment(long from, long to, Instant createdAt) {}

  public BackupManifest {
    layout = Map.copyOf(new TreeMap<>(layout));
    stores = Map.copyOf(new TreeMap<>(stores));
    increments = List.copyOf(increments);
  }

  /** The highest LSN any store copy holds: a restore cannot stop before it. */
  public long storesMaxLsn() {
    return stores.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  BackupManifest withIncrement(Increment increment) {
    List<Increment> all = new ArrayList<>(increments);
    all.add(increment);
    return new BackupManifest(databaseId, layout, stores, logFrom, increment.to(), createdAt, all);
  }

  void write(Path directory) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("version", VERSION);
    json.put("database_id", databaseId);
    json.put("layout", layout);
    json.put("stores", stores);
    json.put("log_from", logFrom);
    json.put("last_lsn", lastLsn);
    json.put("created_at", createdAt);
    List<Object> list = new ArrayList<>();
    for (Increment i : increments) {
      list.add(Map.of("from", i.from(), "to", i.to(), "created_at", i.createdAt()));
    }
    json.put("increments", list);
    Path temp = directory.resolve(FILE + ".tmp");
    try {
      Files.writeString(temp, CanonicalJson.write(json) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write " + directory.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Reads the manifest of the backup in {@code directory}. */
  public static BackupManifest read(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (!FORMAT.equals(json.path("format").asText()) || json.path("version").asInt() != VERSION) {
        throw invalid(file, "it is not a " + FORMAT + " version " + VERSION + " manifest");
      }
      Map<String, String> layout = new TreeMap<>();
      json.path("layout").properties().forEach(e -> layout.put(e.getKey(), e.getValue().asText()));
      Map<String, Long> stores = new TreeMap<>();
      json.path("stores").properties().forEach(e -> stores.put(e.getKey(), e.getValue().asLong()));
      List<Increment> increments = new ArrayList<>();
      for (JsonNode i : json.path("increments")) {
        increments.add(new Increment(i.path("from").asLong(), i.path("to").asLong(), time(file, i.path("created_at").asText())));
      }
      if (layout.isEmpty() || stores.isEmpty() || !json.hasNonNull("database_id")) {
        throw invalid(file, "it lacks the database id, the layout or the stores");
      }
      return new BackupManifest(json.path("database_id").asText(), layout, stores, json.path("log_from").asLong(), json.path("last_lsn").asLong(),
          time(file, json.path("created_at").asText()), increments);
    } catch (NoSuchFileException e) {
      throw new VeriSimException(ErrorCode.TRANSFER_INVALID, directory + " holds no backup (" + FILE + " is missing)");
    } catch (IOException e) {
      throw invalid(file, e.getMessage());
    }
  }

  private static Instant time(Path file, String text) {
    try {
      return Timestamps.parse(text, ErrorCode.TRANSFER_INVALID, "created_at");
    } catch (VeriSimException e) {
      throw invalid(file, "created_at '" + text + "' is not a time");
    }
  }

  private static VeriSimException invalid(Path file, String why) {
    return new VeriSimException(ErrorCode.TRANSFER_INVALID, "the backup manifest " + file + " is unusable: " + why);
  }
}
