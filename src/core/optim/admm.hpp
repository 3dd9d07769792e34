// ADMM for the split problem min f(x) + λ‖z‖₁ s.t. x = z (Boyd et al. 2011, "Distributed
// Optimization and Statistical Learning via the Alternating Direction Method of Multipliers",
// scaled form eqs. 3.5–3.7 and the lasso of Sec. 6.4). f is the objective (e.g. ½‖Ax − b‖²);
// the x-update is solved by Newton steps, the z-update is soft-thresholding. The shown point is
// z, which has exact zeros.
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class Admm final : public Optimizer {
 public:
  Admm();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  // Primal residual ‖x − z‖ and dual residual ρ‖z − z_prev‖ of the last step (Boyd eq. 3.9).
  double primal_residual() const { return primal_residual_; }
  double dual_residual() const { return dual_residual_; }

 private:
  void minimize_x(Oracle& oracle);

  double l1_ = 0.0, rho_ = 0.0;
  int newton_steps_ = 0;
  Vec x_, z_, scaled_dual_;
  double primal_residual_ = 0.0, dual_residual_ = 0.0;
};

}  // namespace lv
