#include "constraints/constrained_objective.hpp"

#include "common/errors.hpp"

namespace lv {

ConstrainedObjective::ConstrainedObjective(const Objective& objective, ConstraintSet constraints)
    : objective_(objective), constraints_(std::move(constraints)) {
  for (const Constraint& c : constraints_.constraints()) {
    if (c.function.dimension() > objective_.dim()) {
      throw InputError("constraint '" + c.text + "' uses " +
                       std::to_string(c.function.dimension()) +
                       " variables but the objective has " + std::to_string(objective_.dim()));
    }
  }
}

const ConstraintSet& constraints_of(const Objective& objective, const std::string& method) {
  const auto* constrained = dynamic_cast<const ConstrainedObjective*>(&objective);
  if (!constrained || constrained->constraints().empty()) {
    throw InputError(method + " needs constraints (lossviz-cli run --constraint \"g(x,y) <= 0\")");
  }
  return constrained->constraints();
}

}  // namespace lv
