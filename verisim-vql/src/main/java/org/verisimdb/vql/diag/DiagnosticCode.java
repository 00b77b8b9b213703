package org.verisimdb.vql.diag;

import java.util.Locale;

/**
 * The stable VQL diagnostic codes of VQL.md §10.2. A code's text ({@link #id()}, e.g.
 * {@code VQL-SYNTAX-001}) is never renumbered or reused; clients rely on it, not on messages.
 * The front end raises the SYNTAX, NAME, TYPE, VALUE, LIMIT, PARAM and WARN codes; the others are
 * listed so that the engine reports every VQL failure with the same vocabulary.
 */
public enum DiagnosticCode {
  SYNTAX_001("unexpected token"),
  SYNTAX_002("unexpected end of input"),
  SYNTAX_003("unterminated string or regex"),
  SYNTAX_004("unterminated block comment"),
  SYNTAX_005("invalid character or UTF-8"),
  SYNTAX_006("invalid number or parameter number"),
  SYNTAX_007("invalid escape"),
  SYNTAX_008("input after the statement"),
  SYNTAX_009("empty statement"),
  SYNTAX_010("invalid hop range"),
  SYNTAX_011("unsupported statement"),
  SYNTAX_012("proofs joined by OR"),
  NAME_001("unknown modality"),
  NAME_002("unknown field of a closed modality"),
  NAME_003("unknown variable, column or alias"),
  NAME_004("unknown proof type"),
  NAME_005("unknown contract"),
  NAME_006("unknown store"),
  NAME_007("unknown federation peer"),
  NAME_008("unknown drift policy"),
  NAME_009("unknown parameter of a proof or contract"),
  NAME_010("unknown metric, strategy or isolation level"),
  NAME_011("invalid or duplicate alias"),
  NAME_012("missing parameter"),
  TYPE_001("operand types do not fit the operator"),
  TYPE_002("vector dimension mismatch"),
  TYPE_003("aggregate over an unsuitable type"),
  TYPE_004("grouping rule broken"),
  TYPE_005("misplaced construct"),
  TYPE_006("NEAREST without an anchor"),
  TYPE_007("wrong kind of proof argument"),
  TYPE_008("contract of the wrong kind"),
  TYPE_009("field is not writable"),
  TYPE_010("invalid or repeated modality data or assignment"),
  TYPE_011("parameter value of the wrong type"),
  TYPE_012("DRIFT of a modality with itself"),
  VALUE_001("invalid octad id"),
  VALUE_002("coordinate out of range"),
  VALUE_003("invalid geometry or bounds"),
  VALUE_004("invalid duration"),
  VALUE_005("invalid regular expression"),
  VALUE_006("number out of range"),
  VALUE_007("invalid timestamp"),
  VALUE_008("full-text query without terms"),
  LIMIT_001("LIMIT or k above vql.max_limit"),
  LIMIT_002("hop bound above graph.max_hops"),
  LIMIT_003("statement longer than vql.max_statement_bytes"),
  LIMIT_004("nesting deeper than vql.max_nesting"),
  PARAM_001("missing parameter value"),
  PARAM_002("unused value, or positional and named mixed"),
  PROOF_001("proof verification failed"),
  EXEC_001("octad not found"),
  EXEC_002("octad already exists"),
  EXEC_003("statement timeout"),
  EXEC_004("store unavailable"),
  EXEC_005("resource limit exceeded"),
  EXEC_006("numeric overflow"),
  EXEC_007("invalid or expired cursor"),
  EXEC_008("anchor octad has no vector"),
  EXEC_009("history not retained"),
  FED_001("drift detected under STRICT"),
  FED_002("peer failure under STRICT, or all peers failed"),
  FED_003("federation not configured on this node"),
  TX_001("transaction already open"),
  TX_002("no transaction open"),
  TX_003("serialization failure"),
  TX_004("write conflict"),
  TX_005("transaction aborted"),
  AUTH_001("permission denied"),
  WARN_001("pseudo-column always null: no defining predicate"),
  WARN_002("duplicate select item"),
  WARN_003("federation glob matched no peer"),
  WARN_004("partial federated result: peers failed"),
  WARN_005("vacuous proof: empty subject set"),
  WARN_006("comparison with NULL"),
  WARN_007("federated read inside a transaction is not isolated"),
  WARN_008("non-numeric values ignored by SUM or AVG");

  private final String meaning;
  private final String id;

  DiagnosticCode(String meaning) {
    this.meaning = meaning;
    this.id = "VQL-" + name().replace('_', '-');
  }

  /** The stable text of the code, such as {@code VQL-NAME-001}. */
  public String id() {
    return id;
  }

  /** What the code means, as in the table of VQL.md §10.2. */
  public String meaning() {
    return meaning;
  }

  /** Warnings never fail a statement. */
  public Severity severity() {
    return name().startsWith("WARN_") ? Severity.WARNING : Severity.ERROR;
  }

  /** True for the codes a client may retry (VQL.md §10.1). */
  public boolean retryable() {
    return switch (this) {
      case EXEC_003, EXEC_004, FED_002, TX_003, TX_004 -> true;
      default -> false;
    };
  }

  /** The code whose {@link #id()} is {@code text} (any case), or null. */
  public static DiagnosticCode byId(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (DiagnosticCode code : values()) {
      if (code.id.equals(upper)) {
        return code;
      }
    }
    return null;
  }
}
