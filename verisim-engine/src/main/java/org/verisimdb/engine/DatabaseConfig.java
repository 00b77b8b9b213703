package org.verisimdb.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * Settings of an embedded database. Each has a key, used in properties files, and an
 * environment variable ({@code VERISIM_} + the key in upper case with {@code .} as {@code _}):
 *
 * <table>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>storage.backend</td><td>rocksdb</td><td>storage engine of an on-disk database ({@code memory} keeps nothing)</td></tr>
 *   <tr><td>storage.&lt;backend&gt;.*</td><td></td><td>passed to that backend</td></tr>
 *   <tr><td>vector.dimension</td><td>384</td><td>length of every stored embedding</td></tr>
 *   <tr><td>temporal.history_limit</td><td>100</td><td>version records returned with an octad</td></tr>
 *   <tr><td>principal.default</td><td>local</td><td>principal of the database's own session</td></tr>
 *   <tr><td>vql.default_limit</td><td>100</td><td>page size when none is given</td></tr>
 *   <tr><td>vql.max_limit</td><td>10000</td><td>largest page</td></tr>
 * </table>
 *
 * Precedence, lowest first: defaults, a properties file ({@link #load}), the environment
 * ({@link #withEnvironment}), explicit {@code with…} calls. Unknown keys in a file are errors
 * (with a did-you-mean hint), so a misspelt setting never goes unnoticed.
 */
public record DatabaseConfig(
    String backend,
    Map<String, String> backendSettings,
    int vectorDimension,
    int historyLimit,
    String defaultPrincipal,
    int defaultLimit,
    int maxLimit) {

  static final String BACKEND = "storage.backend";
  static final String DIMENSION = "vector.dimension";
  static final String HISTORY = "temporal.history_limit";
  static final String PRINCIPAL = "principal.default";
  static final String DEFAULT_LIMIT = "vql.default_limit";
  static final String MAX_LIMIT = "vql.max_limit";
  static final List<String> KEYS = List.of(BACKEND, DIMENSION, HISTORY, PRINCIPAL, DEFAULT_LIMIT, MAX_LIMIT);

  private static final Pattern BACKEND_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  public DatabaseConfig {
    if (backend == null || !BACKEND_NAME.matcher(backend).matches()) {
      throw invalid(BACKEND, "'" + backend + "' is not a backend name (memory, rocksdb, lmdb, sqlite)");
    }
    backendSettings = Map.copyOf(new TreeMap<>(backendSettings == null ? Map.of() : backendSettings));
    range(DIMENSION, vectorDimension, 1, Limits.MAX_VECTOR_DIMENSION);
    range(HISTORY, historyLimit, 0, 1_000_000);
    if (defaultPrincipal == null) {
      throw invalid(PRINCIPAL, "a default principal is required");
    }
    try {
      Limits.requireShortText(defaultPrincipal, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_CONFIG, PRINCIPAL, PRINCIPAL);
    } catch (VeriSimException e) {
      throw invalid(PRINCIPAL, e.getMessage());
    }
    range(MAX_LIMIT, maxLimit, 1, 1_000_000);
    range(DEFAULT_LIMIT, defaultLimit, 1, maxLimit);
  }

  /** Every setting at its default. */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig("rocksdb", Map.of(), 384, 100, "local", 100, 10_000);
  }

  /** Defaults overridden by a properties file; a missing or unreadable file is INVALID_CONFIG. */
  public static DatabaseConfig load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new VeriSimException(ErrorCode.INVALID_CONFIG, "configuration file " + file + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw new VeriSimException(ErrorCode.INVALID_CONFIG, "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).strip()));
    return defaults().with(settings, "file " + file);
  }

  /** This configuration overridden by {@code VERISIM_*} variables from {@code env}. */
  public DatabaseConfig withEnvironment(Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = env.get(envName(key));
      if (value != null) {
        settings.put(key, value.strip());
      }
    }
    String prefix = "VERISIM_STORAGE_" + backend.toUpperCase(Locale.ROOT) + "_";
    env.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        settings.put("storage." + backend + "." + name.substring(prefix.length()).toLowerCase(Locale.ROOT), value.strip());
      }
    });
    return with(settings, "environment");
  }

  /** The environment variable of a key: {@code vector.dimension} → {@code VERISIM_VECTOR_DIMENSION}. */
  public static String envName(String key) {
    return "VERISIM_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** This configuration with the given key = value settings applied; {@code source} names them in errors. */
  public DatabaseConfig with(Map<String, String> settings, String source) {
    String backend = settings.getOrDefault(BACKEND, this.backend);
    Map<String, String> backendSettings = new TreeMap<>(this.backendSettings);
    int dimension = vectorDimension;
    int history = historyLimit;
    String principal = defaultPrincipal;
    int defLimit = defaultLimit;
    int max = maxLimit;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      switch (key) {
        case BACKEND -> { }
        case DIMENSION -> dimension = integer(key, value, source);
        case HISTORY -> history = integer(key, value, source);
        case PRINCIPAL -> principal = value;
        case DEFAULT_LIMIT -> defLimit = integer(key, value, source);
        case MAX_LIMIT -> max = integer(key, value, source);
        default -> {
          if (key.startsWith("storage.") && key.indexOf('.', "storage.".length()) > 0) {
            backendSettings.put(key, value);
          } else {
            throw invalid(key, "unknown setting '" + key + "' in " + source + Hints.didYouMean(key, KEYS) + " (settings: "
                + String.join(", ", KEYS) + ", storage.<backend>.*)");
          }
        }
      }
    }
    return new DatabaseConfig(backend, backendSettings, dimension, history, principal, defLimit, max);
  }

  public DatabaseConfig withBackend(String name) {
    return new DatabaseConfig(name, backendSettings, vectorDimension, historyLimit, defaultPrincipal, defaultLimit, maxLimit);
  }

  public DatabaseConfig withVectorDimension(int dimension) {
    return new DatabaseConfig(backend, backendSettings, dimension, historyLimit, defaultPrincipal, defaultLimit, maxLimit);
  }

  public DatabaseConfig withHistoryLimit(int limit) {
    return new DatabaseConfig(backend, backendSettings, vectorDimension, limit, defaultPrincipal, defaultLimit, maxLimit);
  }

  public DatabaseConfig withDefaultPrincipal(String principal) {
    return new DatabaseConfig(backend, backendSettings, vectorDimension, historyLimit, principal, defaultLimit, maxLimit);
  }

  private static int integer(String key, String value, String source) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(key, key + " = '" + value + "' in " + source + " is not a whole number");
    }
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, key + " = " + value + " is outside " + min + ".." + max);
    }
  }

  private static VeriSimException invalid(String key, String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, message);
  }
}
