package org.verisimdb.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.cli.Main;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;

/** The admin commands end to end, on RocksDB (the default backend) and SQLite. */
class AdminCommandsTest {
  @TempDir
  Path dir;

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  String data() {
    return dir.resolve("db").toString();
  }

  @Test
  void demoCreatesTheDatabaseOnceAndReopensItAfter() {
    assertThat(run("demo", "--data", data(), "--size", "50")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("loading 50 sample octads").contains("Octads: 50");
    assertThat(run("demo", "--data", data(), "--size", "50")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("reopened").contains("Octads: 50");
    assertThat(dir.resolve("db/data/rocksdb")).isDirectory();
    assertThat(run("stats", "--data", data(), "--json")).isZero();
    assertThat(out.toString().strip()).startsWith("{\"modalities\":{").contains("\"document\":50").endsWith("\"octads\":50}");
    assertThat(run("get", "--data", data(), "paper-0000000")).isZero();
    assertThat(out.toString()).startsWith("{\"document\":{").contains("\"id\":\"paper-0000000\"").contains("\"provenance\":{");
    assertThat(run("get", "--data", data(), "no-such-octad")).isEqualTo(3);
    assertThat(err.toString()).contains("OCTAD_NOT_FOUND");
  }

  @Test
  void exportImportBackupRestoreAndMigrateKeepEveryByte() throws Exception {
    assertThat(run("demo", "--data", data(), "--size", "40")).isZero();
    Path export = dir.resolve("export.jsonl");
    assertThat(run("export", "--data", data(), "--out", export.toString())).as(err.toString()).isZero();
    assertThat(err.toString()).contains("Exported 40 octads");

    assertThat(run("import", "--data", dir.resolve("imported").toString(), "--in", export.toString(), "--sync", "async"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("committed 40 of 40");
    assertThat(exportOf(dir.resolve("imported"))).isEqualTo(Files.readString(export));

    Path backup = dir.resolve("backup");
    assertThat(run("backup", "--data", data(), "--to", backup.toString())).as(err.toString()).isZero();
    assertThat(run("demo", "--data", data(), "--size", "40")).isZero(); // reopen; nothing new
    assertThat(run("backup", "--data", data(), "--to", backup.toString(), "--incremental")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Incremental backup");
    assertThat(run("restore", "--from", backup.toString(), "--to", dir.resolve("restored").toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("40 octads");
    assertThat(exportOf(dir.resolve("restored"))).isEqualTo(Files.readString(export));

    assertThat(run("migrate", "--data", data(), "--backend", "sqlite", "--out", dir.resolve("sqlite").toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("the copy checks out").contains("keyspace octad");
    assertThat(Files.readString(dir.resolve("sqlite/FORMAT"))).contains("storage.backend=sqlite");
    assertThat(exportOf(dir.resolve("sqlite"))).isEqualTo(Files.readString(export));

    assertThat(run("verify", "--data", dir.resolve("sqlite").toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("Intact.");
    assertThat(run("checkpoint", "--data", data())).isZero();
  }

  String exportOf(Path database) throws Exception {
    Path file = dir.resolve(database.getFileName() + ".check.jsonl");
    assertThat(run("export", "--data", database.toString(), "--out", file.toString())).as(err.toString()).isZero();
    return Files.readString(file);
  }

  @Test
  void indexRebuildAndRdfExportWork() throws Exception {
    assertThat(run("demo", "--data", data(), "--size", "30")).as(err.toString()).isZero();
    assertThat(run("index", "rebuild", "--data", data())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Rebuilt the index of 30 octads");
    assertThat(err.toString()).contains("rebuilding the index");
    assertThat(run("index", "compact", "--data", data())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Compacted the index of 30 octads");
    Path rdf = dir.resolve("out.nt");
    assertThat(run("rdf", "--data", data(), "--out", rdf.toString())).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(rdf);
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("<https://verisimdb.org/octad/") && l.endsWith(" ."));
    assertThat(lines).anyMatch(l -> l.contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"));
    assertThat(run("verify", "--data", data())).as(out.toString()).isZero();
  }

  @Test
  void aDatabaseInUseIsRefusedClearly() {
    try (Database held = VeriSimDB.open(dir.resolve("db"), DatabaseConfig.defaults())) {
      assertThat(run("stats", "--data", data())).isEqualTo(5);
      assertThat(err.toString()).contains("DATABASE_LOCKED").contains("locked").doesNotContain("\tat ");
    }
  }

  @Test
  void aDamagedLogMakesCommandsFailWithItsLocation() throws Exception {
    assertThat(run("demo", "--data", data(), "--size", "20")).isZero();
    assertThat(run("verify", "--data", data())).isZero();
    Path segment;
    try (Stream<Path> files = Files.list(dir.resolve("db/wal"))) {
      segment = files.sorted().toList().getLast();
    }
    // A clean close keeps the current segment, with every record since it started: damage one in the middle.
    byte[] bytes = Files.readAllBytes(segment);
    assertThat(bytes.length).isGreaterThan(10_000);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(segment, bytes);
    assertThat(run("verify", "--data", data())).isEqualTo(4);
    assertThat(err.toString()).contains("STORAGE_CORRUPT").contains(segment.getFileName().toString()).contains("at offset")
        .doesNotContain("\tat ");
  }

  Path config(String... lines) throws Exception {
    Path file = dir.resolve("verisimdb.properties");
    Files.write(file, List.of(lines));
    return file;
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("demo", "stats", "get", "export", "import", "backup", "restore", "migrate", "checkpoint", "verify")) {
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(out.toString()).as(command).contains("Usage: verisimdb " + command);
    }
    assertThat(run("export", "--data", data())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
  }
}
