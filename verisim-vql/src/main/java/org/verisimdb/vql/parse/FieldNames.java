package org.verisimdb.vql.parse;

import java.util.List;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Field;
import org.verisimdb.vql.ast.Expr.Pseudo;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.diag.Span;

/**
 * The synonymous field spellings of VQL.md §4.3 and §11.2, mapped to one tree: for example
 * {@code SPATIAL.latitude} is {@code SPATIAL.lat} and {@code vector.similarity} is the
 * pseudo-column {@code similarity}.
 */
public final class FieldNames {
  private FieldNames() {}

  /** The canonical expression for {@code modality.path}. */
  public static Expr field(Span span, Modality modality, List<String> path) {
    if (path.size() == 1) {
      String name = path.get(0);
      if (modality == Modality.VECTOR && name.equals("similarity")) {
        return new Pseudo(span, PseudoColumn.SIMILARITY);
      }
      String canonical = canonicalName(modality, name);
      return new Field(span, modality, List.of(canonical));
    }
    if (modality == Modality.TENSOR && path.size() == 2 && path.get(0).equals("statistics")) {
      String stat = path.get(1);
      if (stat.equals("mean") || stat.equals("std") || stat.equals("min") || stat.equals("max")) {
        return new Field(span, modality, List.of(stat));
      }
    }
    return new Field(span, modality, path);
  }

  /** The canonical name of a one-part field of {@code modality}. */
  public static String canonicalName(Modality modality, String name) {
    return switch (modality) {
      case SPATIAL -> switch (name) {
        case "latitude" -> "lat";
        case "longitude" -> "lon";
        case "altitude" -> "alt";
        default -> name;
      };
      case TEMPORAL -> switch (name) {
        case "created" -> "created_at";
        case "modified" -> "modified_at";
        default -> name;
      };
      case PROVENANCE -> name.equals("action") ? "event_type" : name;
      default -> name;
    };
  }
}
