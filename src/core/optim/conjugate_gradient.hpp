// Nonlinear conjugate gradient: dₖ = −∇fₖ + βₖ dₖ₋₁ with βₖ of Fletcher–Reeves or Polak–Ribière+
// (Nocedal & Wright, Numerical Optimization 2nd ed., Alg. 5.4, eqs. 5.41a and 5.45), restarted
// with −∇f every `restart` steps and whenever dₖ is not a descent direction. With an exact line
// search on a quadratic both variants are linear CG and finish in n steps. The default line search
// is strong Wolfe with c2 = 0.1, as Nocedal & Wright §5.2 recommend for these methods.
#pragma once

#include "optim/line_search.hpp"

namespace lv {

class ConjugateGradient final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  ConjugateGradient();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  double beta(const Vec& gradient) const;

  bool polak_ribiere_ = true;
  int restart_interval_ = 0;
  LineSearch line_search_;
  int steps_since_restart_ = 0;
  Vec previous_gradient_;
  Vec direction_;
};

}  // namespace lv
