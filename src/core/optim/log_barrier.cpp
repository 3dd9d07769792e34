#include "optim/log_barrier.hpp"

#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

LogBarrier::LogBarrier()
    : ConstrainedNewtonMethod(
          "log_barrier",
          {real_parameter("t", 1.0, 1e-2, 1e3, 1e-12, std::numeric_limits<double>::infinity(), true,
                          "initial barrier parameter t (weight of f against the barrier)"),
           real_parameter("t_growth", 10.0, 1.5, 100.0, 1.0,
                          std::numeric_limits<double>::infinity(), true,
                          "t ← t·t_growth after each centering step (μ in B&V Alg. 11.1)")}) {}

void LogBarrier::start(const ConstraintSet& constraints, const Vec& x0) {
  if (constraints.has_equalities()) {
    throw InputError(
        "log_barrier handles inequality constraints only; use augmented_lagrangian "
        "or penalty for equalities");
  }
  for (const Constraint& c : constraints.constraints()) {
    const double value = c.function.value(x0);
    if (!(value < 0.0)) {
      throw InputError("log_barrier needs a strictly feasible start: '" + c.text +
                       "' has g = " + format_exact(value) + " at the start point");
    }
  }
  t_ = hyperparameters().get("t");
  growth_ = hyperparameters().get("t_growth");
}

// φ − f = −(1/t) Σ log(−g_i) (B&V eq. 11.6 divided by t):
//   ∇ = (1/t) Σ ∇g_i / (−g_i);  ∇² = (1/t) Σ (∇g_i ∇g_iᵀ / g_i² + ∇²g_i / (−g_i))   (eq. 11.10)
MeritTerm LogBarrier::merit_term(const ConstraintSet& constraints, const Vec& x) const {
  const Eigen::Index n = x.size();
  MeritTerm term{0.0, Vec::Zero(n), Mat::Zero(n, n)};
  for (int i = 0; i < constraints.size(); ++i) {
    const ConstraintEvaluation c = constraints.evaluate(i, x);
    if (!(c.value < 0.0))
      return {std::numeric_limits<double>::infinity(), term.gradient, term.hessian};
    term.value -= std::log(-c.value) / t_;
    term.gradient += c.gradient / (-c.value * t_);
    term.hessian +=
        (c.gradient * c.gradient.transpose() / (c.value * c.value) + c.hessian / (-c.value)) / t_;
  }
  return term;
}

void LogBarrier::outer_update(const ConstraintSet&, const Vec&) {
  t_ *= growth_;
}

}  // namespace lv
