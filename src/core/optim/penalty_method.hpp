// Quadratic penalty method (Nocedal & Wright 2006, Framework 17.1): minimize
// f + (μ/2)(Σ max(0, g_i)² + Σ h_j²) for increasing μ. Its minimizers approach the solution from
// outside the feasible set, with infeasibility O(1/μ).
#pragma once

#include "optim/constrained_newton_method.hpp"

namespace lv {

class PenaltyMethod final : public ConstrainedNewtonMethod {
 public:
  PenaltyMethod();
  double penalty_parameter() const { return mu_; }

 private:
  void start(const ConstraintSet& constraints, const Vec& x0) override;
  MeritTerm merit_term(const ConstraintSet& constraints, const Vec& x) const override;
  void outer_update(const ConstraintSet& constraints, const Vec& x) override;

  double mu_ = 0.0, growth_ = 0.0;
};

}  // namespace lv
