package org.verisimdb.vql.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.verisimdb.vql.diag.Span;

/**
 * Tree equality of VQL.md §3: two trees are the same when they have the same records with the
 * same components, spans ignored. Every node is a record, so one structural walk covers all of
 * them, including node kinds added later.
 */
public final class Trees {
  /** Record components per class, looked up once: Class.getRecordComponents() builds new objects on every call. */
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
    }
  };

  private Trees() {}

  /** The components of a record class, cached. */
  public static RecordComponent[] components(Class<?> type) {
    return COMPONENTS.get(type);
  }

  /** True when {@code a} and {@code b} are equal up to spans. */
  public static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Span) {
      return true;
    }
    if (a instanceof List<?> left) {
      List<?> right = (List<?>) b;
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!same(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Value || !a.getClass().isRecord()) {
      return a.equals(b);
    }
    for (RecordComponent component : components(a.getClass())) {
      if (!same(read(component, a), read(component, b))) {
        return false;
      }
    }
    return true;
  }

  /** Every node of type {@code type} inside {@code node}, in source order (a depth-first walk). */
  public static <T> List<T> collect(Object node, Class<T> type) {
    List<T> out = new java.util.ArrayList<>();
    collect(node, type, out);
    return out;
  }

  private static <T> void collect(Object node, Class<T> type, List<T> out) {
    if (node == null || node instanceof Span || node instanceof Value || node instanceof String || node instanceof Enum<?>) {
      return;
    }
    if (type.isInstance(node)) {
      out.add(type.cast(node));
    }
    if (node instanceof List<?> list) {
      for (Object element : list) {
        collect(element, type, out);
      }
    } else if (node.getClass().isRecord()) {
      for (RecordComponent component : components(node.getClass())) {
        collect(read(component, node), type, out);
      }
    }
  }

  /** The value of one record component (records' accessors are public). */
  public static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
    }
  }
}
