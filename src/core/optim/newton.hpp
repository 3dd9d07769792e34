// Newton's method and its damped forms: x ← x − lr·(B + λI)⁻¹∇f with B the Hessian H (newton),
// or with Levenberg–Marquardt damping λ > 0 (damped_newton), or |H| = V|Λ|Vᵀ, the saddle-free
// Newton method of Dauphin et al. 2014, "Identifying and attacking the saddle point problem in
// high-dimensional non-convex optimization", NeurIPS, eq. (6) (saddle_free). Plain Newton is
// attracted to saddle points (it jumps to any critical point of the local quadratic model);
// |H| turns the steps along negative-curvature directions downhill.
//
// damping_factor > 1 adapts λ by Marquardt's rule (adaptive_damping.hpp) instead of a line search;
// it is the default of damped_newton.
//
// hessian=dense uses the objective's Hessian (small dimensions); hessian=cg solves the Newton
// system by truncated CG on Hessian-vector products, so it also works where no dense Hessian
// exists; objectives with Objective::has_dense_hessian() false always take that path.
#pragma once

#include "optim/adaptive_damping.hpp"
#include "optim/line_search.hpp"

namespace lv {

enum class NewtonVariant { Plain, Damped };

class Newton final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  explicit Newton(NewtonVariant variant);
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  // −(B + λI)⁻¹∇f at x from the cached Hessian (dense) or by truncated CG on products.
  Vec direction(const StepContext& context, const Vec& x, double damping) const;

  struct Settings {  // read from the hyperparameters at reset()
    double damping = 0.0;
    bool saddle_free = false;
    bool use_cg = false;
  } settings_;
  LineSearch line_search_;
  AdaptiveDamping adaptive_damping_;
  bool use_cg_ = false;  // this step: truncated CG instead of the dense Hessian
  Mat hessian_;
  Vec direction_;
};

// p = −(B + λI)⁻¹ g with B = H, or B = |H| (eigenvalues replaced by their absolute values) when
// `saddle_free`. Non-finite where B + λI is singular (plain Newton at a degenerate point).
Vec newton_direction(const Mat& hessian, const Vec& gradient, double damping, bool saddle_free);

}  // namespace lv
