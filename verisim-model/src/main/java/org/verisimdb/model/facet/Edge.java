package org.verisimdb.model.facet;

import java.util.Comparator;
import java.util.regex.Pattern;
import org.verisimdb.model.Limits;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.value.Value;

/**
 * An outgoing edge: a relation type ({@code predicate}) and a target, either another octad or a
 * literal value. Predicates are identifiers, as VQL's edge patterns name them ({@code CITES},
 * {@code authored_by}); the target octad need not exist (the edge then dangles, and drift
 * detection reports it).
 */
public record Edge(String predicate, EdgeTarget target) implements Comparable<Edge> {
  private static final Pattern PREDICATE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Predicate, then octad targets before literals, then target id or canonical literal text. */
  private static final Comparator<Edge> ORDER = Comparator.comparing(Edge::predicate)
      .thenComparing(e -> e.target() instanceof EdgeTarget.Literal)
      .thenComparing(e -> e.target().sortKey());

  public Edge {
    if (predicate == null || predicate.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "predicate", "an edge needs a predicate (its relation type)");
    }
    if (predicate.length() > Limits.MAX_NAME_LENGTH) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "predicate",
          "predicate is " + predicate.length() + " characters long; the limit is " + Limits.MAX_NAME_LENGTH);
    }
    if (!PREDICATE.matcher(predicate).matches()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "predicate", "predicate '" + predicate
          + "' is not an identifier; use letters, digits and _, not starting with a digit (e.g. CITES, authored_by)");
    }
    if (target == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "target", "edge '" + predicate + "' needs a target");
    }
  }

  /** An edge to another octad. */
  public static Edge to(String predicate, OctadId target) {
    return new Edge(predicate, new EdgeTarget.Node(target));
  }

  /** An edge to another octad, by id text. */
  public static Edge to(String predicate, String target) {
    return to(predicate, OctadId.of(target));
  }

  /** An edge to a literal value. */
  public static Edge literal(String predicate, Value value) {
    return new Edge(predicate, new EdgeTarget.Literal(value));
  }

  @Override
  public int compareTo(Edge other) {
    return ORDER.compare(this, other);
  }

  /** Where an edge points. */
  public sealed interface EdgeTarget {
    String sortKey();

    /** Another octad. */
    record Node(OctadId id) implements EdgeTarget {
      public Node {
        if (id == null) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "target", "an edge target needs an octad id");
        }
      }

      @Override
      public String sortKey() {
        return id.value();
      }
    }

    /** A literal: a scalar, a language-tagged string or a typed literal. */
    record Literal(Value value) implements EdgeTarget {
      public Literal {
        if (value == null) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "literal", "an edge literal needs a value");
        }
        if (value instanceof Value.Ref) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "literal", "an edge to an octad is a node target, not a literal reference");
        }
        if (value instanceof Value.Seq) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "literal", "an edge literal must be a single value, not a collection; add one edge per value");
        }
        if (value instanceof Value.Str(String s)) {
          Limits.requireText(s, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_GRAPH, "literal", "edge literal");
        }
      }

      @Override
      public String sortKey() {
        return CanonicalJson.write(value);
      }
    }
  }
}
