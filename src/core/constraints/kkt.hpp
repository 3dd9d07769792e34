// KKT check at a candidate point of min f s.t. g_i <= 0, h_j = 0 (Nocedal & Wright 2006,
// Theorem 12.1): which constraints are active, the multipliers that best satisfy stationarity
// ∇f + Σ λ_i ∇g_i + Σ ν_j ∇h_j = 0 (least squares over the active set), and the residuals.
#pragma once

#include <string>
#include <vector>

#include "constraints/constraint_set.hpp"
#include "objective/objective.hpp"

namespace lv {

struct KktReport {
  Vec multipliers;                // one per constraint, in order; 0 for inactive inequalities
  std::vector<bool> active;       // |g_i| <= active tolerance; equalities are always active
  double stationarity = 0.0;      // ‖∇f + Σ λ∇g‖ (Theorem 12.1, eq. 12.34a)
  double primal_violation = 0.0;  // max(0, g_i), |h_j|          (12.34b, c)
  double dual_violation = 0.0;    // max(0, −λ_i) over inequalities (12.34d)
  double complementarity = 0.0;   // max |λ_i g_i|               (12.34e)
  bool satisfied = false;         // all four within the tolerance

  std::string summary(const ConstraintSet& constraints) const;
};

// tolerance: for "active" (|g| <= tolerance) and for `satisfied` (stationarity is compared to
// tolerance·(1 + ‖∇f‖)).
KktReport check_kkt(const Objective& objective, const ConstraintSet& constraints, const Vec& x,
                    double tolerance = 1e-6);

}  // namespace lv
