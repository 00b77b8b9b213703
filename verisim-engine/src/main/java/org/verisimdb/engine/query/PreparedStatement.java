package org.verisimdb.engine.query;

import org.verisimdb.vql.check.Bindings;

/**
 * A statement parsed and analysed once (VQL.md §5.17): each execution binds new values, which
 * are checked like literals and never spliced into text. Its plan comes from the plan cache and
 * is made again when statistics shift or configuration changes.
 */
public interface PreparedStatement {

  /** The normalised text (§11.4). */
  String normalizedText();

  Result execute(Bindings parameters);
}
