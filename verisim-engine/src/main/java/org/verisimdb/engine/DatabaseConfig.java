package org.verisimdb.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.wal.SyncMode;

/**
 * Settings of an embedded database. Each has a key, used in properties files, and an
 * environment variable ({@code VERISIM_} + the key in upper case with {@code .} as {@code _}).
 * The full table is in the README; in short:
 * <pre>
 * data.dir                     database directory when a command is not given one
 * storage.backend              rocksdb   storage engine of every modality not routed elsewhere
 * storage.modality.&lt;m&gt;        (none)    storage engine of one modality, e.g. storage.modality.vector=memory
 * storage.&lt;backend&gt;.&lt;s&gt;      (none)    passed to that backend, e.g. storage.rocksdb.block_cache_mb=256
 * wal.sync                     fsync     fsync | async | none (see SyncMode for what each loses on a crash)
 * wal.async_interval_ms        10        fsync period of the async mode
 * wal.segment_mb               64        log segment size
 * checkpoint.interval_s        300       checkpoint period; 0 = only by log size and on close
 * checkpoint.wal_mb            256       checkpoint once this much log has been written since the last
 * vector.dimension             384       length of every stored embedding
 * temporal.history_limit       100       version records returned with an octad
 * principal.default            local     principal of the database's own session
 * vql.default_limit            100       page size when none is given
 * vql.max_limit                10000     largest page
 * txn.isolation                snapshot  read_committed | snapshot | serializable: level of begin() without one
 * txn.lock_timeout_ms          10000     longest wait for a lock
 * txn.idle_timeout_s           60        an idle transaction is aborted after this
 * txn.max_duration_s           600       a transaction is aborted after this
 * txn.max_writes               100000    most octad writes in one transaction
 * txn.max_mb                   256       most staged bytes in one transaction
 * history.retention            all       all | versions:N | days:N: superseded versions kept
 * history.gc_interval_s        60        period of the collection of versions no longer kept
 * vector.metric                cosine    cosine | euclidean | dot_product: what the vector index is built for
 * vector.hnsw_m                16        neighbours per node of the HNSW graph
 * vector.hnsw_beam_width       100       candidates kept while building the HNSW graph
 * vector.quantized             off       int8-quantized vector search
 * vector.candidates            500       HNSW candidates explored per vector search before exact re-ranking
 * graph.rdf_base               https://verisimdb.org/octad   IRI prefix of octads in the RDF view
 * embedding.auto               on        embed document text when an octad has no vector (needs dimension 384)
 * embedding.fields             title,body  document fields embedded
 * slow_query.threshold         100       statements at least this slow (ms, or 250ms, 1.5s) are logged and kept
 * slow_query.capacity          1000      entries kept for SHOW SLOW QUERIES
 * slow_query.log_params        off       keep parameter values in the slow query log (off: each shows as ?)
 * vql.plan_cache_size          256       statements whose parsed form and plan choice are cached; 0 = off
 * vql.tuning                   on        learn cost corrections from executed statements
 * </pre>
 * Changing a vector.* setting or the dimension rebuilds the index on the next open.
 * Precedence, lowest first: defaults, a properties file ({@link #load}), the environment
 * ({@link #withEnvironment}), explicit {@code with…} calls. Unknown keys are errors with a
 * did-you-mean hint, so a misspelt setting never goes unnoticed.
 */
public record DatabaseConfig(
    Path dataDirectory,
    String backend,
    Map<Modality, String> modalityBackends,
    Map<String, String> backendSettings,
    SyncMode walSync,
    int walAsyncIntervalMillis,
    long walSegmentBytes,
    int checkpointIntervalSeconds,
    long checkpointWalBytes,
    int vectorDimension,
    int historyLimit,
    String defaultPrincipal,
    int defaultLimit,
    int maxLimit,
    TransactionSettings transactions,
    IndexOptions indexes,
    QueryOptions queries) {

  static final String DATA_DIR = "data.dir";
  static final String BACKEND = "storage.backend";
  static final String MODALITY_PREFIX = "storage.modality.";
  static final String WAL_SYNC = "wal.sync";
  static final String WAL_ASYNC = "wal.async_interval_ms";
  static final String WAL_SEGMENT = "wal.segment_mb";
  static final String CHECKPOINT_INTERVAL = "checkpoint.interval_s";
  static final String CHECKPOINT_WAL = "checkpoint.wal_mb";
  static final String DIMENSION = "vector.dimension";
  static final String HISTORY = "temporal.history_limit";
  static final String PRINCIPAL = "principal.default";
  static final String DEFAULT_LIMIT = "vql.default_limit";
  static final String MAX_LIMIT = "vql.max_limit";
  static final String TXN_ISOLATION = "txn.isolation";
  static final String TXN_LOCK_TIMEOUT = "txn.lock_timeout_ms";
  static final String TXN_IDLE = "txn.idle_timeout_s";
  static final String TXN_DURATION = "txn.max_duration_s";
  static final String TXN_WRITES = "txn.max_writes";
  static final String TXN_MB = "txn.max_mb";
  static final String RETENTION = "history.retention";
  static final String GC_INTERVAL = "history.gc_interval_s";
  static final List<String> KEYS = List.of(DATA_DIR, BACKEND, WAL_SYNC, WAL_ASYNC, WAL_SEGMENT, CHECKPOINT_INTERVAL, CHECKPOINT_WAL,
      DIMENSION, HISTORY, PRINCIPAL, DEFAULT_LIMIT, MAX_LIMIT, TXN_ISOLATION, TXN_LOCK_TIMEOUT, TXN_IDLE, TXN_DURATION, TXN_WRITES, TXN_MB,
      RETENTION, GC_INTERVAL, "vector.metric", "vector.hnsw_m", "vector.hnsw_beam_width", "vector.quantized", "graph.rdf_base",
      "embedding.auto", "embedding.fields", "vector.candidates", "slow_query.threshold", "slow_query.capacity", "slow_query.log_params",
      "vql.plan_cache_size", "vql.tuning");

  private static final Pattern BACKEND_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  public DatabaseConfig {
    requireBackendName(BACKEND, backend);
    EnumMap<Modality, String> routes = new EnumMap<>(Modality.class);
    if (modalityBackends != null) {
      modalityBackends.forEach((m, name) -> {
        requireBackendName(MODALITY_PREFIX + m.wireName(), name);
        if (!name.equals(backend)) {
          routes.put(m, name);
        }
      });
    }
    modalityBackends = java.util.Collections.unmodifiableMap(routes);
    backendSettings = Map.copyOf(new TreeMap<>(backendSettings == null ? Map.of() : backendSettings));
    if (walSync == null) {
      throw invalid(WAL_SYNC, "a sync mode is required (fsync, async or none)");
    }
    range(WAL_ASYNC, walAsyncIntervalMillis, 1, 60_000);
    range(WAL_SEGMENT, walSegmentBytes >> 20, 1, 1 << 20);
    range(CHECKPOINT_INTERVAL, checkpointIntervalSeconds, 0, 7 * 24 * 3600);
    range(CHECKPOINT_WAL, checkpointWalBytes >> 20, 1, 1 << 24);
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
    if (transactions == null) {
      transactions = TransactionSettings.DEFAULTS;
    }
    range(TXN_LOCK_TIMEOUT, transactions.lockTimeout().toMillis(), 0, 3_600_000);
    range(TXN_IDLE, transactions.idleTimeout().toSeconds(), 1, 7 * 24 * 3600);
    range(TXN_DURATION, transactions.maxDuration().toSeconds(), 1, 7 * 24 * 3600);
    range(TXN_WRITES, transactions.maxWrites(), 1, 100_000_000);
    range(TXN_MB, transactions.maxBytes() >> 20, 1, 1 << 20);
    range(GC_INTERVAL, transactions.gcInterval().toSeconds(), 1, 7 * 24 * 3600);
    if (indexes == null) {
      indexes = IndexOptions.DEFAULTS;
    }
    indexes.settings(vectorDimension); // validates
    if (queries == null) {
      queries = QueryOptions.DEFAULTS;
    }
  }

  /** Every setting at its default. */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(null, "rocksdb", Map.of(), Map.of(), SyncMode.FSYNC, 10, 64L << 20, 300, 256L << 20, 384, 100, "local",
        100, 10_000, TransactionSettings.DEFAULTS, IndexOptions.DEFAULTS, QueryOptions.DEFAULTS);
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

  /** This configuration overridden by {@code VERISIM_*} variables from {@code env}; other variables are ignored. */
  public DatabaseConfig withEnvironment(Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = env.get(envName(key));
      if (value != null) {
        settings.put(key, value.strip());
      }
    }
    String modalityPrefix = envName(MODALITY_PREFIX);
    env.forEach((name, value) -> {
      if (name.startsWith(modalityPrefix)) {
        settings.put(MODALITY_PREFIX + name.substring(modalityPrefix.length()).toLowerCase(Locale.ROOT), value.strip());
      } else if (name.startsWith("VERISIM_STORAGE_") && !name.equals(envName(BACKEND))) {
        String rest = name.substring("VERISIM_STORAGE_".length()).toLowerCase(Locale.ROOT);
        int cut = rest.indexOf('_');
        if (cut > 0) {
          settings.put("storage." + rest.substring(0, cut) + "." + rest.substring(cut + 1), value.strip());
        }
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
    Builder b = new Builder(this);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      b.set(e.getKey(), e.getValue(), source);
    }
    return b.build();
  }

  public DatabaseConfig withDataDirectory(Path directory) {
    return new Builder(this).dataDirectory(directory).build();
  }

  public DatabaseConfig withBackend(String name) {
    return new Builder(this).backend(name).build();
  }

  /** Every modality in the default backend. */
  public DatabaseConfig withoutModalityBackends() {
    Builder b = new Builder(this);
    b.modalities.clear();
    return b.build();
  }

  /** Keeps one modality in another backend than the default. */
  public DatabaseConfig withModalityBackend(Modality modality, String name) {
    Builder b = new Builder(this);
    b.modalities.put(modality, name);
    return b.build();
  }

  public DatabaseConfig withWalSync(SyncMode mode) {
    Builder b = new Builder(this);
    b.sync = mode;
    return b.build();
  }

  public DatabaseConfig withVectorDimension(int dimension) {
    Builder b = new Builder(this);
    b.dimension = dimension;
    return b.build();
  }

  public DatabaseConfig withHistoryLimit(int limit) {
    Builder b = new Builder(this);
    b.history = limit;
    return b.build();
  }

  public DatabaseConfig withDefaultPrincipal(String principal) {
    Builder b = new Builder(this);
    b.principal = principal;
    return b.build();
  }

  public DatabaseConfig withTransactions(TransactionSettings settings) {
    Builder b = new Builder(this);
    b.transactions = settings;
    return b.build();
  }

  public DatabaseConfig withIndexes(IndexOptions options) {
    Builder b = new Builder(this);
    b.indexes = options;
    return b.build();
  }

  /** This configuration with other VQL engine settings. */
  public DatabaseConfig withQueries(QueryOptions options) {
    Builder b = new Builder(this);
    b.queries = options;
    return b.build();
  }

  /** This configuration with automatic embedding of document text on or off. */
  public DatabaseConfig withAutoEmbedding(boolean on) {
    return withIndexes(indexes.with("embedding.auto", on ? "on" : "off"));
  }

  public DatabaseConfig withCheckpoints(int intervalSeconds, long walBytes) {
    Builder b = new Builder(this);
    b.checkpointInterval = intervalSeconds;
    b.checkpointWal = walBytes;
    return b.build();
  }

  /** The backend that stores {@code modality}. */
  public String backendOf(Modality modality) {
    return modalityBackends.getOrDefault(modality, backend);
  }

  /** The settings of one backend, without its {@code storage.<backend>.} prefix. */
  public Map<String, String> settingsOf(String backendName) {
    String prefix = "storage." + backendName + ".";
    Map<String, String> own = new TreeMap<>();
    backendSettings.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        own.put(k.substring(prefix.length()), v);
      }
    });
    return own;
  }

  /** The settings as key = value text, as a properties file would hold them. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(DATA_DIR, dataDirectory == null ? "" : dataDirectory.toString());
    out.put(BACKEND, backend);
    modalityBackends.forEach((m, name) -> out.put(MODALITY_PREFIX + m.wireName(), name));
    out.putAll(backendSettings);
    out.put(WAL_SYNC, walSync.wireName());
    out.put(WAL_ASYNC, Integer.toString(walAsyncIntervalMillis));
    out.put(WAL_SEGMENT, Long.toString(walSegmentBytes >> 20));
    out.put(CHECKPOINT_INTERVAL, Integer.toString(checkpointIntervalSeconds));
    out.put(CHECKPOINT_WAL, Long.toString(checkpointWalBytes >> 20));
    out.put(DIMENSION, Integer.toString(vectorDimension));
    out.put(HISTORY, Integer.toString(historyLimit));
    out.put(PRINCIPAL, defaultPrincipal);
    out.put(DEFAULT_LIMIT, Integer.toString(defaultLimit));
    out.put(MAX_LIMIT, Integer.toString(maxLimit));
    out.put(TXN_ISOLATION, transactions.isolation().wireName().replace(' ', '_'));
    out.put(TXN_LOCK_TIMEOUT, Long.toString(transactions.lockTimeout().toMillis()));
    out.put(TXN_IDLE, Long.toString(transactions.idleTimeout().toSeconds()));
    out.put(TXN_DURATION, Long.toString(transactions.maxDuration().toSeconds()));
    out.put(TXN_WRITES, Integer.toString(transactions.maxWrites()));
    out.put(TXN_MB, Long.toString(transactions.maxBytes() >> 20));
    out.put(RETENTION, transactions.retention().describe());
    out.put(GC_INTERVAL, Long.toString(transactions.gcInterval().toSeconds()));
    indexes.describe(out);
    queries.describe(out);
    return out;
  }

  /** Mutable collection of settings on the way to a new record. */
  private static final class Builder {
    Path dataDirectory;
    String backend;
    final Map<Modality, String> modalities = new EnumMap<>(Modality.class);
    final Map<String, String> backendSettings = new TreeMap<>();
    SyncMode sync;
    int asyncInterval;
    long segment;
    int checkpointInterval;
    long checkpointWal;
    int dimension;
    int history;
    String principal;
    int defaultLimit;
    int maxLimit;
    TransactionSettings transactions;
    IndexOptions indexes;
    QueryOptions queries;

    Builder(DatabaseConfig c) {
      dataDirectory = c.dataDirectory;
      backend = c.backend;
      modalities.putAll(c.modalityBackends);
      backendSettings.putAll(c.backendSettings);
      sync = c.walSync;
      asyncInterval = c.walAsyncIntervalMillis;
      segment = c.walSegmentBytes;
      checkpointInterval = c.checkpointIntervalSeconds;
      checkpointWal = c.checkpointWalBytes;
      dimension = c.vectorDimension;
      history = c.historyLimit;
      principal = c.defaultPrincipal;
      defaultLimit = c.defaultLimit;
      maxLimit = c.maxLimit;
      transactions = c.transactions;
      indexes = c.indexes;
      queries = c.queries;
    }

    Builder dataDirectory(Path directory) {
      dataDirectory = directory;
      return this;
    }

    Builder backend(String name) {
      backend = name;
      return this;
    }

    void set(String key, String value, String source) {
      switch (key) {
        case DATA_DIR -> dataDirectory = value.isEmpty() ? null : Path.of(value);
        case BACKEND -> backend = value;
        case WAL_SYNC -> {
          try {
            sync = SyncMode.parse(value);
          } catch (VeriSimException e) {
            throw invalid(key, e.getMessage() + " (in " + source + ")");
          }
        }
        case WAL_ASYNC -> asyncInterval = integer(key, value, source);
        case WAL_SEGMENT -> segment = (long) integer(key, value, source) << 20;
        case CHECKPOINT_INTERVAL -> checkpointInterval = integer(key, value, source);
        case CHECKPOINT_WAL -> checkpointWal = (long) integer(key, value, source) << 20;
        case DIMENSION -> dimension = integer(key, value, source);
        case HISTORY -> history = integer(key, value, source);
        case PRINCIPAL -> principal = value;
        case DEFAULT_LIMIT -> defaultLimit = integer(key, value, source);
        case MAX_LIMIT -> maxLimit = integer(key, value, source);
        case TXN_ISOLATION, TXN_LOCK_TIMEOUT, TXN_IDLE, TXN_DURATION, TXN_WRITES, TXN_MB, RETENTION, GC_INTERVAL -> setTransactions(key, value, source);
        default -> {
          if (QueryOptions.KEYS.contains(key)) {
            try {
              queries = queries.with(key, value);
            } catch (VeriSimException e) {
              throw invalid(key, e.getMessage() + " (" + key + " in " + source + ")");
            }
          } else if (IndexOptions.KEYS.contains(key)) {
            try {
              indexes = indexes.with(key, value);
            } catch (VeriSimException e) {
              throw invalid(key, e.getMessage() + " (" + key + " in " + source + ")");
            }
          } else {
            setDynamic(key, value, source);
          }
        }
      }
    }

    private void setTransactions(String key, String value, String source) {
      TransactionSettings t = transactions;
      try {
        transactions = switch (key) {
          case TXN_ISOLATION -> t.withIsolation(Isolation.parse(value));
          case TXN_LOCK_TIMEOUT -> t.withLockTimeout(java.time.Duration.ofMillis(integer(key, value, source)));
          case TXN_IDLE -> t.withIdleTimeout(java.time.Duration.ofSeconds(integer(key, value, source)));
          case TXN_DURATION -> t.withMaxDuration(java.time.Duration.ofSeconds(integer(key, value, source)));
          case TXN_WRITES -> t.withMaxSize(integer(key, value, source), t.maxBytes());
          case TXN_MB -> t.withMaxSize(t.maxWrites(), (long) integer(key, value, source) << 20);
          case RETENTION -> t.withRetention(TransactionSettings.Retention.parse(value), t.gcInterval());
          default -> t.withRetention(t.retention(), java.time.Duration.ofSeconds(integer(key, value, source)));
        };
      } catch (VeriSimException e) {
        throw e.code() == ErrorCode.INVALID_CONFIG ? e : invalid(key, e.getMessage() + " (" + key + " in " + source + ")");
      }
    }

    private void setDynamic(String key, String value, String source) {
      if (key.startsWith(MODALITY_PREFIX)) {
        String name = key.substring(MODALITY_PREFIX.length());
        Modality modality = null;
        for (Modality m : Modality.values()) {
          if (m.wireName().equals(name)) {
            modality = m;
          }
        }
        if (modality == null) {
          List<String> names = new ArrayList<>();
          for (Modality m : Modality.values()) {
            names.add(m.wireName());
          }
          throw invalid(key, "unknown modality '" + name + "' in " + key + " (" + source + ")" + Hints.didYouMean(name, names));
        }
        modalities.put(modality, value);
      } else if (key.startsWith("storage.") && key.indexOf('.', "storage.".length()) > 0) {
        backendSettings.put(key, value);
      } else {
        throw invalid(key, "unknown setting '" + key + "' in " + source + Hints.didYouMean(key, KEYS) + " (settings: "
            + String.join(", ", KEYS) + ", storage.modality.<modality>, storage.<backend>.<setting>)");
      }
    }

    DatabaseConfig build() {
      return new DatabaseConfig(dataDirectory, backend, modalities, backendSettings, sync, asyncInterval, segment, checkpointInterval,
          checkpointWal, dimension, history, principal, defaultLimit, maxLimit, transactions, indexes, queries);
    }
  }

  private static void requireBackendName(String key, String name) {
    if (name == null || !BACKEND_NAME.matcher(name).matches()) {
      throw invalid(key, "'" + name + "' is not a backend name (memory, rocksdb, lmdb, sqlite)");
    }
  }

  private static int integer(String key, String value, String source) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(key, key + " = '" + value + "' in " + source + " is not a whole number");
    }
  }

  private static void range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(key, key + " = " + value + " is outside " + min + ".." + max);
    }
  }

  private static VeriSimException invalid(String key, String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, message);
  }
}
