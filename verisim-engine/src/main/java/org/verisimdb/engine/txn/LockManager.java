package org.verisimdb.engine.txn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Exclusive locks on (octad, modality), held by transactions until they end. A transaction
 * waits for one lock at a time, so the wait-for graph is a set of chains: before waiting, the
 * requester follows the chain from the holder, and if it leads back to itself the wait would
 * deadlock and the requester is the victim (DEADLOCK_DETECTED, at once). Otherwise it waits up
 * to its timeout (LOCK_TIMEOUT). Thread-safe: one monitor guards all state.
 */
public final class LockManager {
  /** One lockable unit. */
  public record LockKey(OctadId id, Modality modality) {
    @Override
    public String toString() {
      return id + "/" + modality.wireName();
    }
  }

  private final Object monitor = new Object();
  private final Map<LockKey, Long> owners = new HashMap<>();
  private final Map<Long, Set<LockKey>> held = new HashMap<>();
  private final Map<Long, LockKey> waitingFor = new HashMap<>();
  private final Set<Long> cancelled = new HashSet<>();
  private volatile int count;

  /**
   * Takes {@code key} for {@code txn}, waiting while another transaction holds it. Returns true
   * when newly taken, false when {@code txn} held it already.
   */
  public boolean acquire(long txn, LockKey key, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (true) {
        Long owner = owners.get(key);
        if (owner == null) {
          owners.put(key, txn);
          held.computeIfAbsent(txn, t -> new HashSet<>()).add(key);
          count++;
          return true;
        }
        if (owner == txn) {
          return false;
        }
        if (cancelled.remove(txn)) {
          throw new VeriSimException(ErrorCode.TRANSACTION_ABORTED, "transaction " + txn + " was aborted while waiting for the lock on "
              + key + " (it exceeded a txn limit); roll it back");
        }
        List<Long> cycle = cycleThrough(owner, txn);
        if (cycle != null) {
          throw new VeriSimException(ErrorCode.DEADLOCK_DETECTED, "transaction " + txn + " would wait for the lock on " + key
              + " held by transaction " + owner + ", which waits in turn for " + describe(cycle)
              + "; this transaction is aborted to break the deadlock: retry it (taking locks in one order avoids this)");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new VeriSimException(ErrorCode.LOCK_TIMEOUT, "transaction " + txn + " waited " + timeout.toMillis()
              + " ms for the lock on " + key + ", held by transaction " + owner + " (txn.lock_timeout_ms); retry later");
        }
        waitingFor.put(txn, key);
        try {
          monitor.wait(Math.max(1, left / 1_000_000), 0);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new VeriSimException(ErrorCode.LOCK_TIMEOUT, "transaction " + txn + " was interrupted waiting for the lock on " + key);
        } finally {
          waitingFor.remove(txn);
        }
      }
    }
  }

  // The transactions from owner onwards along the wait-for chain, if the chain reaches txn.
  private List<Long> cycleThrough(long owner, long txn) {
    List<Long> chain = new ArrayList<>();
    Long at = owner;
    while (at != null && chain.size() <= waitingFor.size()) {
      chain.add(at);
      LockKey waited = waitingFor.get(at);
      at = waited == null ? null : owners.get(waited);
      if (at != null && at == txn) {
        return chain;
      }
    }
    return null;
  }

  private String describe(List<Long> chain) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chain.size(); i++) {
      LockKey waited = waitingFor.get(chain.get(i));
      text.append(i == 0 ? "" : ", which waits for ").append("the lock on ").append(waited).append(" held by transaction ")
          .append(owners.get(waited));
    }
    return text.toString();
  }

  /** The transaction other than {@code txn} holding a lock on one of {@code modalities} of {@code id}, or null. */
  public LockKey heldByOther(long txn, OctadId id, Set<Modality> modalities) {
    if (count == 0) {
      return null;
    }
    synchronized (monitor) {
      for (Modality m : modalities) {
        LockKey key = new LockKey(id, m);
        Long owner = owners.get(key);
        if (owner != null && owner != txn) {
          return key;
        }
      }
      return null;
    }
  }

  /** Releases every lock of {@code txn} and wakes the waiters. */
  public void releaseAll(long txn) {
    synchronized (monitor) {
      cancelled.remove(txn);
      Set<LockKey> keys = held.remove(txn);
      if (keys != null) {
        keys.forEach(owners::remove);
        count -= keys.size();
        monitor.notifyAll();
      }
    }
  }

  /** Makes a wait of {@code txn}, now or next, fail with TRANSACTION_ABORTED (for a transaction aborted from outside). */
  public void cancel(long txn) {
    synchronized (monitor) {
      if (waitingFor.containsKey(txn)) {
        cancelled.add(txn);
        monitor.notifyAll();
      }
    }
  }
}
