package org.verisimdb.engine.query.exec;

import java.util.List;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.vql.ast.Cond;

/**
 * The physical plan of one SELECT: the access path and the plan nodes the executor measures as
 * rows pass through them. {@code filter} and {@code cross} are null when absent; {@code split}
 * is false when WHERE shares graph variables across its conjuncts and is evaluated whole by the
 * filter step.
 *
 * @param filterConds the per-octad conjuncts evaluated by {@code filter} (all of WHERE when not split)
 * @param crossConds the cross-modal conjuncts evaluated last by {@code cross}
 */
record SelectPlan(Access access, PlanNode accessNode, PlanNode fetch, PlanNode filter, List<Cond> filterConds, PlanNode cross,
    List<Cond> crossConds, boolean split, PlanNode nearest, PlanNode order, PlanNode offset, PlanNode limit, PlanNode project,
    PlanNode root) {}
