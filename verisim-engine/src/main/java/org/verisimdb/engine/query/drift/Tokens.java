package org.verisimdb.engine.query.drift;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;

/**
 * The token sets T(m) of VQL.md §6.10: the lower-cased terms of a modality's text, a term being a
 * maximal run of letters and digits (Unicode), so {@code "schema:Person"} gives {@code schema} and
 * {@code person}. Stateless.
 *
 * <ul>
 *   <li>DOCUMENT: every string field, title and body included;
 *   <li>SEMANTIC: the types, and the string values of properties (language-tagged strings
 *       included, collections searched); typed literals, references and numbers are not text;
 *   <li>GRAPH: the predicates and the ids of target octads (literal targets are not included).
 * </ul>
 */
final class Tokens {
  /** The modalities that have a token set. */
  static final Set<Modality> MODALITIES = Set.of(Modality.DOCUMENT, Modality.SEMANTIC, Modality.GRAPH);

  private Tokens() {}

  /** T(m) of the octad; an absent modality is the caller's business. */
  static Set<String> of(Octad octad, Modality modality) {
    Set<String> terms = new LinkedHashSet<>();
    switch (modality) {
      case DOCUMENT -> octad.document().ifPresent(d -> document(d, terms));
      case SEMANTIC -> octad.semantic().ifPresent(s -> semantic(s, terms));
      case GRAPH -> octad.graph().ifPresent(g -> graph(g, terms));
      default -> throw new IllegalArgumentException(modality + " has no token set");
    }
    return terms;
  }

  private static void document(DocumentFacet d, Set<String> terms) {
    for (Value v : d.fields().values()) {
      if (v instanceof Value.Str(String s)) {
        split(s, terms);
      }
    }
  }

  private static void semantic(SemanticFacet s, Set<String> terms) {
    s.types().forEach(t -> split(t, terms));
    s.properties().values().forEach(v -> value(v, terms));
  }

  private static void value(Value v, Set<String> terms) {
    switch (v) {
      case Value.Str(String s) -> split(s, terms);
      case Value.LangStr(String text, String language) -> split(text, terms);
      case Value.Seq(List<Value> items) -> items.forEach(i -> value(i, terms));
      case Value.Int i -> { }
      case Value.Real r -> { }
      case Value.Bool b -> { }
      case Value.Typed t -> { }
      case Value.Ref r -> { }
    }
  }

  private static void graph(GraphFacet g, Set<String> terms) {
    for (Edge e : g.edges()) {
      split(e.predicate(), terms);
      if (e.target() instanceof Edge.EdgeTarget.Node(var id)) {
        split(id.value(), terms);
      }
    }
  }

  /** Adds the lower-cased letter-and-digit runs of {@code text}. */
  static void split(String text, Set<String> terms) {
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        start = start < 0 ? i : start;
      } else if (start >= 0) {
        terms.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      terms.add(text.substring(start).toLowerCase(Locale.ROOT));
    }
  }

  /** |A ∩ B| / |A ∪ B|, and 1.0 for two empty sets. */
  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    int common = 0;
    for (String t : a) {
      if (b.contains(t)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
