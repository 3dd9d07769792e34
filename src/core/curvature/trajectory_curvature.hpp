// Curvature along a run: the Hessian's extreme eigenvalues and condition number at every recorded
// iterate, the optimizer's stability limit per step (optim/stability_limit.hpp) and the steps
// where λmax passes it. Computed once per race (the app does it on the race worker), so the Plots
// panel, the readouts and the crossing rings only look values up. Exact Hessians (dense; small
// dimensions), eigenvalues in closed form in 2D and by Eigen's self-adjoint solver otherwise.
#pragma once

#include <vector>

#include "objective/objective.hpp"
#include "optim/optimizer.hpp"
#include "run/trajectory.hpp"

namespace lv {

struct CurvatureTrack {
  // One entry per trajectory row (NaN where the Hessian is not finite).
  std::vector<double> lambda_min, lambda_max;
  std::vector<double> condition;  // max|λ| / min|λ| (curvature/hessian_eigen.hpp)
  // Per row: the largest λmax that the update leaving this row survives (its lr; the last row
  // keeps its own). Empty when the method has no such limit (Adam, Newton, line searches, ...).
  std::vector<double> stability_limit;
  // Rows where λmax goes above the limit: row 0 if it starts above, then every row above it whose
  // predecessor was at or below it (upward crossings only).
  std::vector<int> crossings;

  int size() const { return static_cast<int>(lambda_max.size()); }
  bool has_limit() const { return !stability_limit.empty(); }
};

// `optimizer` (its hyperparameters; may be null: no limit) is the one that made `trajectory`.
CurvatureTrack trajectory_curvature(const Objective& objective, const Trajectory& trajectory,
                                    const Optimizer* optimizer);

}  // namespace lv
