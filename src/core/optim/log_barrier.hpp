// Log-barrier interior-point method (Boyd & Vandenberghe 2004, Algorithm 11.1): minimize
// f − (1/t) Σ log(−g_i) for increasing t from a strictly feasible start; every iterate stays
// strictly feasible and the duality gap after centering is m/t (eq. 11.7). Inequalities only.
#pragma once

#include "optim/constrained_newton_method.hpp"

namespace lv {

class LogBarrier final : public ConstrainedNewtonMethod {
 public:
  LogBarrier();
  double barrier_parameter() const { return t_; }

 private:
  void start(const ConstraintSet& constraints, const Vec& x0) override;
  MeritTerm merit_term(const ConstraintSet& constraints, const Vec& x) const override;
  void outer_update(const ConstraintSet& constraints, const Vec& x) override;

  double t_ = 0.0, growth_ = 0.0;
};

}  // namespace lv
