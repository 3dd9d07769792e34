#include "optim/penalty_method.hpp"

#include <limits>

namespace lv {

PenaltyMethod::PenaltyMethod()
    : ConstrainedNewtonMethod(
          "penalty",
          {real_parameter("mu", 1.0, 1e-2, 1e3, 1e-12, std::numeric_limits<double>::infinity(),
                          true, "initial penalty parameter μ"),
           real_parameter("mu_growth", 10.0, 1.5, 100.0, 1.0,
                          std::numeric_limits<double>::infinity(), true,
                          "μ ← μ·mu_growth after each inner solve")}) {}

void PenaltyMethod::start(const ConstraintSet&, const Vec&) {
  mu_ = hyperparameters().get("mu");
  growth_ = hyperparameters().get("mu_growth");
}

// Q(x; μ) − f = (μ/2) Σ c_i(x)² with c = max(0, g) or h (N&W eq. 17.1, 17.5):
//   ∇ = μ Σ c_i ∇c_i;  ∇² = μ Σ (∇c_i ∇c_iᵀ + c_i ∇²c_i) over the violated/equality terms.
MeritTerm PenaltyMethod::merit_term(const ConstraintSet& constraints, const Vec& x) const {
  const Eigen::Index n = x.size();
  MeritTerm term{0.0, Vec::Zero(n), Mat::Zero(n, n)};
  for (int i = 0; i < constraints.size(); ++i) {
    const ConstraintEvaluation c = constraints.evaluate(i, x);
    const bool equality =
        constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Equality;
    if (!equality && c.value <= 0.0) continue;
    term.value += 0.5 * mu_ * c.value * c.value;
    term.gradient += mu_ * c.value * c.gradient;
    term.hessian += mu_ * (c.gradient * c.gradient.transpose() + c.value * c.hessian);
  }
  return term;
}

void PenaltyMethod::outer_update(const ConstraintSet&, const Vec&) {
  mu_ *= growth_;
}

}  // namespace lv
