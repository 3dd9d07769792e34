#include "optim/projected_gradient.hpp"

#include "constraints/constrained_objective.hpp"
#include "constraints/projection.hpp"

namespace lv {

ProjectedGradient::ProjectedGradient() : WrappedOptimizer("projected", {}) {}

void ProjectedGradient::reset(const Vec& x0) {
  constraints_ = nullptr;
  reset_base(x0);
}

// Every iterate after the first step is feasible, even from an infeasible start.
void ProjectedGradient::step(const StepContext& context, Vec& x) {
  if (!constraints_) constraints_ = &constraints_of(context.oracle.objective(), name());
  base().step(context, x);
  x = project(*constraints_, x).point;
}

}  // namespace lv
