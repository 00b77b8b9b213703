package org.verisimdb.engine.query.exec;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** Lazy iterator helpers of the executor. */
final class Iterators {
  private Iterators() {}

  /** The elements of {@code items} that {@code keep} accepts, tested as they are pulled. */
  static <T> Iterator<T> filter(Iterator<T> items, Predicate<T> keep) {
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && items.hasNext()) {
          T t = items.next();
          if (keep.test(t)) {
            next = t;
          }
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
      }
    };
  }
}
