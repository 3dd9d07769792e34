// Augmented Lagrangian / method of multipliers (Nocedal & Wright 2006, Framework 17.3; for
// inequalities the PHR form of Sec. 17.4, eq. 17.65 with the bound-free max(0, ·) formulation):
// minimize L_A(x; λ, μ), then λ_i ← max(0, λ_i + μ g_i), ν_j ← ν_j + μ h_j, raising μ only when
// the violation did not shrink by a factor 4. Converges with bounded μ, unlike the penalty method.
#pragma once

#include "optim/constrained_newton_method.hpp"

namespace lv {

class AugmentedLagrangian final : public ConstrainedNewtonMethod {
 public:
  AugmentedLagrangian();
  // Current multiplier estimates, one per constraint (λ_i >= 0 for g_i <= 0, ν_j for h_j = 0).
  const Vec& multipliers() const { return multipliers_; }
  double penalty_parameter() const { return mu_; }

 private:
  void start(const ConstraintSet& constraints, const Vec& x0) override;
  MeritTerm merit_term(const ConstraintSet& constraints, const Vec& x) const override;
  void outer_update(const ConstraintSet& constraints, const Vec& x) override;

  Vec multipliers_;
  double mu_ = 0.0, growth_ = 0.0, previous_violation_ = 0.0;
};

}  // namespace lv
