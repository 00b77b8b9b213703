package org.verisimdb.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/** Finds backends by name through {@link ServiceLoader}. Stateless. */
public final class Backends {
  private Backends() {}

  /** Names of the backends on the class or module path, sorted. */
  public static List<String> available() {
    TreeSet<String> names = new TreeSet<>();
    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
      names.add(provider.name());
    }
    return new ArrayList<>(names);
  }

  /** The provider called {@code name}, or BACKEND_UNAVAILABLE naming those that exist. */
  public static BackendProvider provider(String name) {
    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    List<String> available = available();
    throw new VeriSimException(ErrorCode.BACKEND_UNAVAILABLE, "storage backend '" + name + "' is not installed"
        + Hints.didYouMean(name, available) + " (available: " + String.join(", ", available)
        + "); put its module (verisim-storage-" + name + ") on the classpath or choose another with storage.backend");
  }
}
