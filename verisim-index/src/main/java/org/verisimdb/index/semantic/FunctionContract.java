package org.verisimdb.index.semantic;

import java.util.Map;
import java.util.function.Function;
import org.verisimdb.model.Octad;
import org.verisimdb.model.value.Value;

/** A {@link Contract} whose rule is a function; made by {@link Contract#of}. */
record FunctionContract(String name, Map<String, Value> parameters, Function<Octad, Boolean> rule) implements Contract {
  FunctionContract {
    new Constraint.ContractRef(name); // the same name rules as references to it
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    if (rule == null) {
      throw new IllegalArgumentException("contract " + name + " needs a rule");
    }
  }

  @Override
  public Boolean evaluate(Octad octad) {
    return rule.apply(octad);
  }
}
