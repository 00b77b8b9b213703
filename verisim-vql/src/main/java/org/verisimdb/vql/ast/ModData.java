package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** Modality data of INSERT and UPDATE … WITH (VQL.md §5.9), in canonical form (§11.2). */
public sealed interface ModData {
  Span span();

  Modality modality();

  /** {@code MOD(k = v, …)} for DOCUMENT, TENSOR, SEMANTIC, TEMPORAL, PROVENANCE and SPATIAL. */
  record Fields(Span span, Modality modality, List<Assign> fields) implements ModData {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** {@code VECTOR([…] [, model = 'm'])}. */
  record Vector(Span span, Term vector, List<Assign> options) implements ModData {
    public Vector {
      options = List.copyOf(options);
    }

    @Override
    public Modality modality() {
      return Modality.VECTOR;
    }
  }

  /** {@code GRAPH(predicate, target)}. */
  record Edge(Span span, Name predicate, Term target) implements ModData {
    @Override
    public Modality modality() {
      return Modality.GRAPH;
    }
  }

  /** {@code TENSOR(array)} that could not be put in shape/data form: a parameter or a ragged array. */
  record TensorArray(Span span, Term array) implements ModData {
    @Override
    public Modality modality() {
      return Modality.TENSOR;
    }
  }
}
