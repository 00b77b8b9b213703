package org.verisimdb.index.semantic;

import java.util.Map;
import java.util.function.Function;
import org.verisimdb.model.Octad;
import org.verisimdb.model.value.Value;

/**
 * A named rule over a whole octad, registered with the database and referred to by types'
 * {@link Constraint.ContractRef} constraints and VQL's {@code SATISFIES}. Implementations must be
 * thread-safe and side-effect free.
 */
public interface Contract {

  /** The name it is registered and referred to by. */
  String name();

  /** The parameter values it evaluates with. */
  Map<String, Value> parameters();

  /** TRUE or FALSE, or null (unknown) when a modality it needs is absent. */
  Boolean evaluate(Octad octad);

  /** A contract whose rule is a function. */
  static Contract of(String name, Map<String, Value> parameters, Function<Octad, Boolean> rule) {
    return new FunctionContract(name, parameters, rule);
  }
}
