// `projected`: any base optimizer followed by the Euclidean projection onto the feasible set of
// the objective's constraints (projected gradient descent for base sgd: x ← P_C(x − lr·∇f),
// Nocedal & Wright 2006, eq. 16.71 / Beck 2017, Sec. 9.4). Boxes, balls and half-spaces are
// projected exactly; intersections and other convex sets by Dykstra's algorithm (projection.hpp).
#pragma once

#include "constraints/constraint_set.hpp"
#include "optim/wrapped_optimizer.hpp"

namespace lv {

class ProjectedGradient final : public WrappedOptimizer {
 public:
  ProjectedGradient();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  const ConstraintSet* constraints_ = nullptr;
};

}  // namespace lv
