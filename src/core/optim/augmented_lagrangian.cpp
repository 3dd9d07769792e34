#include "optim/augmented_lagrangian.hpp"

#include <algorithm>
#include <limits>

namespace lv {

AugmentedLagrangian::AugmentedLagrangian()
    : ConstrainedNewtonMethod(
          "augmented_lagrangian",
          {real_parameter("mu", 10.0, 1e-1, 1e3, 1e-12, std::numeric_limits<double>::infinity(),
                          true, "penalty parameter μ of the augmented Lagrangian"),
           real_parameter("mu_growth", 10.0, 1.5, 100.0, 1.0,
                          std::numeric_limits<double>::infinity(), true,
                          "μ ← μ·mu_growth when the violation shrank by less than 4×")}) {}

void AugmentedLagrangian::start(const ConstraintSet& constraints, const Vec& x0) {
  multipliers_ = Vec::Zero(constraints.size());
  mu_ = hyperparameters().get("mu");
  growth_ = hyperparameters().get("mu_growth");
  previous_violation_ = constraints.max_violation(x0);
}

// L_A − f = Σ_j (ν_j h_j + (μ/2) h_j²) + Σ_i (1/2μ)(max(0, λ_i + μ g_i)² − λ_i²):
//   equality:   ∇ = (ν_j + μ h_j)∇h_j;            ∇² = μ ∇h_j∇h_jᵀ + (ν_j + μ h_j)∇²h_j
//   inequality: s = max(0, λ_i + μ g_i); ∇ = s∇g_i; ∇² = [s > 0](μ ∇g_i∇g_iᵀ + s ∇²g_i)
MeritTerm AugmentedLagrangian::merit_term(const ConstraintSet& constraints, const Vec& x) const {
  const Eigen::Index n = x.size();
  MeritTerm term{0.0, Vec::Zero(n), Mat::Zero(n, n)};
  for (int i = 0; i < constraints.size(); ++i) {
    const ConstraintEvaluation c = constraints.evaluate(i, x);
    const double multiplier = multipliers_[i];
    if (constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Equality) {
      const double shifted = multiplier + mu_ * c.value;
      term.value += multiplier * c.value + 0.5 * mu_ * c.value * c.value;
      term.gradient += shifted * c.gradient;
      term.hessian += mu_ * c.gradient * c.gradient.transpose() + shifted * c.hessian;
      continue;
    }
    const double shifted = std::max(0.0, multiplier + mu_ * c.value);
    term.value += (shifted * shifted - multiplier * multiplier) / (2.0 * mu_);
    if (shifted == 0.0) continue;
    term.gradient += shifted * c.gradient;
    term.hessian += mu_ * c.gradient * c.gradient.transpose() + shifted * c.hessian;
  }
  return term;
}

// Multiplier update (N&W eq. 17.39 and 17.66), then μ grows if progress on feasibility stalled.
void AugmentedLagrangian::outer_update(const ConstraintSet& constraints, const Vec& x) {
  for (int i = 0; i < constraints.size(); ++i) {
    const double value = constraints.value(i, x);
    const bool equality =
        constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Equality;
    multipliers_[i] =
        equality ? multipliers_[i] + mu_ * value : std::max(0.0, multipliers_[i] + mu_ * value);
  }
  const double violation = constraints.max_violation(x);
  if (violation > 1e-10 && violation > 0.25 * previous_violation_) mu_ *= growth_;
  previous_violation_ = violation;
}

}  // namespace lv
