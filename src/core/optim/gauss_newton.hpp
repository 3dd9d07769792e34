// Gauss–Newton for f = Σᵢ rᵢ(x)²: x ← x + lr·p with (JᵀJ + λI) p = −Jᵀr, i.e. Newton with the
// Hessian 2(JᵀJ + Σ rᵢ∇²rᵢ) replaced by its first term 2JᵀJ (Nocedal & Wright, Numerical
// Optimization 2nd ed., eq. 10.23). With damping λ > 0 it is the Levenberg–Marquardt step
// (eq. 10.32 in its damped form); damping_factor > 1 adapts λ by Marquardt's rule
// (adaptive_damping.hpp), the classic Levenberg–Marquardt method. Needs an objective that is a
// LeastSquares (residuals and Jacobian); any other objective is an input error.
#pragma once

#include "optim/adaptive_damping.hpp"
#include "optim/line_search.hpp"

namespace lv {

class GaussNewton final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  GaussNewton();
  void reset(const Vec& x0) override;
  // Throws InputError when the objective does not provide residuals (the runner's first step,
  // since reset() does not see the objective).
  void step(const StepContext& context, Vec& x) override;

 private:
  double damping_ = 0.0;
  LineSearch line_search_;
  AdaptiveDamping adaptive_damping_;
  Vec residuals_;
  Mat jacobian_;
  Vec direction_;
};

// p = −(JᵀJ + λI)⁻¹ Jᵀ r; for λ = 0 the minimum-norm least-squares solution of J p = −r, which
// also exists where J has fewer rows than columns or loses rank.
Vec gauss_newton_direction(const Mat& jacobian, const Vec& residuals, double damping);

}  // namespace lv
