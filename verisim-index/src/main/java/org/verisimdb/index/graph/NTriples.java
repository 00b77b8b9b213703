package org.verisimdb.index.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.value.Value;

/**
 * The RDF view of octads, written as N-Triples (RDF 1.1, in the canonical form of RDF 1.2: one
 * triple per line, {@code S P O .}, UTF-8, no comments or blank lines). Octads are read one at a
 * time from an iterator and never held together.
 *
 * <p>Terms, with B the {@code rdfBase} setting and V the vocabulary {@code B#} (or {@code B/vocab/}
 * when B already has a fragment):
 * <ul>
 *   <li>octad {@code id}: {@code <B/id>}; an id of only dots is percent-encoded ({@code %2E}) so
 *       it is not read as a dot segment. Other ids need no encoding.
 *   <li>edge {@code CITES} to octad {@code t}: {@code <B/id> <V CITES> <B/t>}.
 *   <li>literal edge and semantic property {@code k}: {@code <B/id> <V k> literal}; a reference
 *       property gives {@code <B/target>}, a collection one triple per item (order is not kept).
 *   <li>semantic type: {@code <B/id> rdf:type <T>}, where T is the type itself when it is an
 *       IRI ({@code scheme:…}), the expansion of {@code xsd:}, {@code rdf:}, {@code rdfs:} and
 *       {@code owl:} names, or {@code V} + the bare name (percent-encoded where an IRI fragment
 *       needs it). Typed-literal datatypes are resolved the same way.
 * </ul>
 * Literals: strings as {@code "x"}, language-tagged strings as {@code "x"@en}, typed literals as
 * {@code "v"^^<datatype>}, integers, floats and booleans typed {@code xsd:integer},
 * {@code xsd:double} (the shortest text that round-trips) and {@code xsd:boolean}. Proofs and seals
 * are not part of the view. In strings, {@code " \ } and U+0008, U+0009, U+000A, U+000C, U+000D
 * are escaped as {@code \" \\ \b \t \n \f \r}, other control characters as {@code \}{@code u00XX}.
 *
 * <p>Thread-safe: immutable; each call writes to its own writer.
 */
public final class NTriples {
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String RDF_TYPE = RDF + "type";

  private static final Map<String, String> PREFIXES = Map.of(
      "xsd", XSD, "rdf", RDF, "rdfs", "http://www.w3.org/2000/01/rdf-schema#", "owl", "http://www.w3.org/2002/07/owl#");
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.+");

  private final String base;
  private final String vocabulary;

  /** The view for octad subjects under {@code rdfBase} (trailing slashes are ignored). */
  public NTriples(String rdfBase) {
    this.base = IndexSettings.defaults().withRdfBase(rdfBase).rdfBase(); // validates it as the setting is validated
    this.vocabulary = base.indexOf('#') >= 0 ? base + "/vocab/" : base + "#";
  }

  public static NTriples of(IndexSettings settings) {
    return new NTriples(settings.rdfBase());
  }

  /** The namespace of predicates, property keys and bare type names. */
  public String vocabulary() {
    return vocabulary;
  }

  /** The IRI of an octad, without angle brackets. */
  public String subject(OctadId id) {
    String v = id.value();
    return base + "/" + (v.chars().allMatch(c -> c == '.') ? v.replace(".", "%2E") : v);
  }

  /** The IRI of an edge predicate or a property key. */
  public String predicate(String name) {
    return vocabulary + fragment(name);
  }

  /** The IRI of a type or datatype: an IRI as it is, a known prefix expanded, a bare name in the vocabulary. */
  public String type(String type) {
    var m = SCHEME.matcher(type);
    if (m.matches()) {
      String expansion = PREFIXES.get(m.group(1));
      return expansion == null ? type : expansion + type.substring(m.group(1).length() + 1);
    }
    return vocabulary + fragment(type);
  }

  /** Writes the triples of every octad {@code octads} yields; returns how many triples were written. */
  public long write(Iterator<Octad> octads, Writer out) {
    long triples = 0;
    while (octads.hasNext()) {
      triples += write(octads.next(), out);
    }
    return triples;
  }

  /** Writes the triples of one octad: its edges, then its types, then its properties. */
  public long write(Octad octad, Writer out) {
    try {
      long triples = 0;
      String s = iri(subject(octad.id()));
      if (octad.graph().isPresent()) {
        for (Edge edge : octad.graph().get().edges()) {
          String object = switch (edge.target()) {
            case EdgeTarget.Node(OctadId id) -> iri(subject(id));
            case EdgeTarget.Literal(Value value) -> literal(value);
          };
          triple(out, s, iri(predicate(edge.predicate())), object);
          triples++;
        }
      }
      if (octad.semantic().isPresent()) {
        SemanticFacet semantic = octad.semantic().get();
        for (String type : semantic.types()) {
          triple(out, s, iri(RDF_TYPE), iri(type(type)));
          triples++;
        }
        for (Map.Entry<String, Value> p : semantic.properties().entrySet()) {
          triples += property(out, s, iri(predicate(p.getKey())), p.getValue());
        }
      }
      return triples;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the N-Triples of octad " + octad.id() + " failed", e);
    }
  }

  private long property(Writer out, String s, String p, Value value) throws IOException {
    return switch (value) {
      case Value.Seq(List<Value> items) -> {
        long n = 0;
        for (Value item : items) {
          n += property(out, s, p, item);
        }
        yield n;
      }
      case Value.Ref(OctadId target) -> {
        triple(out, s, p, iri(subject(target)));
        yield 1;
      }
      default -> {
        triple(out, s, p, literal(value));
        yield 1;
      }
    };
  }

  private static void triple(Writer out, String s, String p, String o) throws IOException {
    out.write(s);
    out.write(' ');
    out.write(p);
    out.write(' ');
    out.write(o);
    out.write(" .\n");
  }

  private String literal(Value value) {
    return switch (value) {
      case Value.Str(String s) -> quote(s);
      case Value.Int(long l) -> quote(Long.toString(l)) + "^^" + iri(XSD + "integer");
      case Value.Real(double d) -> quote(CanonicalJson.number(d)) + "^^" + iri(XSD + "double");
      case Value.Bool(boolean b) -> quote(Boolean.toString(b)) + "^^" + iri(XSD + "boolean");
      case Value.LangStr(String text, String language) -> quote(text) + "@" + language;
      case Value.Typed(String lexical, String datatype) -> quote(lexical) + "^^" + iri(type(datatype));
      case Value.Ref r -> throw new IllegalArgumentException("a reference is written as an IRI, not a literal: " + r);
      case Value.Seq q -> throw new IllegalArgumentException("a collection is written as one triple per item: " + q);
    };
  }

  private static String iri(String iri) {
    return "<" + iri + ">";
  }

  /** A string literal in canonical N-Triples form. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append("\\u%04X".formatted((int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A name as an IRI fragment: characters an IRI fragment allows stay, others ({@code # % [ ]},
   * the characters N-Triples forbids in IRIs, controls) become percent-encoded UTF-8.
   */
  static String fragment(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      boolean keep = cp > 0x9f ? cp != 0xfffe && cp != 0xffff : cp < 0x7f && cp > 0x20 && "#%[]<>\"{}|\\^`".indexOf(cp) < 0;
      if (keep) {
        out.appendCodePoint(cp);
      } else {
        for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
      }
    }
    return out.toString();
  }
}
