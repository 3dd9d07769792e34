// BFGS: a quasi-Newton method that builds an inverse-Hessian approximation Hₖ from the steps
// sₖ = xₖ₊₁ − xₖ and gradient changes yₖ = ∇fₖ₊₁ − ∇fₖ (Nocedal & Wright, Numerical
// Optimization 2nd ed., Alg. 6.1, update eq. 6.17), and moves along −Hₖ∇f with a strong Wolfe
// line search by default (which keeps yᵀs > 0 and so Hₖ positive definite).
#pragma once

#include "optim/line_search.hpp"

namespace lv {

class Bfgs final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  Bfgs();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

  // The current inverse-Hessian approximation (for tests and the GUI's curvature panel).
  const Mat& inverse_hessian() const { return inverse_hessian_; }

 private:
  void update(const Vec& x, const Vec& gradient);

  LineSearch line_search_;
  Mat inverse_hessian_;
  bool has_previous_ = false;
  bool has_update_ = false;
  Vec previous_x_;
  Vec previous_gradient_;
  Vec direction_;
};

// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs) (Nocedal & Wright eq. 6.17).
void bfgs_inverse_update(Mat& inverse_hessian, const Vec& step, const Vec& gradient_change);

// The curvature condition yᵀs > 0 with a relative margin; pairs that fail it are skipped, as in
// torch.optim.LBFGS (which skips when yᵀs ≤ 1e-10).
bool has_positive_curvature(const Vec& step, const Vec& gradient_change);

// The step along −∇f before any curvature is known: lr·min(1, 1/‖∇f‖₁), as torch.optim.LBFGS
// scales its first step, so a steep start does not fling the first trial point away.
double first_step_size(const Vec& gradient, double learning_rate);

}  // namespace lv
