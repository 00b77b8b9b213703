package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import picocli.CommandLine.Option;

/**
 * Options every command that opens a database shares: where it is and how it is configured.
 * Settings come from the defaults, then {@code --config FILE}, then {@code VERISIM_*} variables;
 * {@code --data} overrides {@code data.dir}.
 */
public final class DatabaseOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Database directory (default: data.dir from --config or VERISIM_DATA_DIR).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE", description = "Settings file (properties); VERISIM_* environment variables override it.")
  Path config;

  /** The configuration, with the data directory resolved. */
  DatabaseConfig config() {
    DatabaseConfig settings = (config == null ? DatabaseConfig.defaults() : DatabaseConfig.load(config)).withEnvironment(System.getenv());
    if (data != null) {
      settings = settings.withDataDirectory(data);
    }
    return settings;
  }

  /** The configuration, requiring a data directory. */
  DatabaseConfig requireDirectory() {
    DatabaseConfig settings = config();
    if (settings.dataDirectory() == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "data", "no database directory: give --data DIR, or set data.dir or VERISIM_DATA_DIR");
    }
    return settings;
  }

  /** Whether {@code --data} or {@code --config} was given. */
  public boolean given() {
    return data != null || config != null;
  }

  /** Opens (creating if needed) the database these options name; a long recovery reports its progress on {@code progress}. */
  public Database open(PrintWriter progress) {
    DatabaseConfig settings = requireDirectory();
    return VeriSimDB.open(settings.dataDirectory(), settings, new ProgressPrinter(progress));
  }
}
