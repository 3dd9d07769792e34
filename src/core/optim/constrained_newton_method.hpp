// Common core of the sequential constrained methods (quadratic penalty, log-barrier, augmented
// Lagrangian): each step is one damped Newton step on the method's merit function
// φ(x) = f(x) + P(x) with an Armijo backtracking line search; after the inner problem is solved
// (‖∇φ‖ small) or `inner_steps` steps, the method updates its outer parameter (μ, t,
// multipliers). Newton needs the objective's dense Hessian (every 2D surface has one).
#pragma once

#include "constraints/constraint_set.hpp"
#include "optim/optimizer.hpp"

namespace lv {

// P(x) with its gradient and Hessian; value = +∞ outside the domain (barrier).
struct MeritTerm {
  double value = 0.0;
  Vec gradient;
  Mat hessian;
};

class ConstrainedNewtonMethod : public Optimizer {
 public:
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) final;
  int outer_iterations() const { return outer_iterations_; }

 protected:
  ConstrainedNewtonMethod(std::string name, std::vector<HyperParameter> own_descriptors);

  // Called once at the first step with the constraints (validation, initial outer parameters).
  virtual void start(const ConstraintSet& constraints, const Vec& x0) = 0;
  virtual MeritTerm merit_term(const ConstraintSet& constraints, const Vec& x) const = 0;
  // The outer update at x (the approximate minimizer of the current merit function).
  virtual void outer_update(const ConstraintSet& constraints, const Vec& x) = 0;

 private:
  double merit_value(const ConstraintSet& constraints, Oracle& oracle, const Vec& x) const;

  const ConstraintSet* constraints_ = nullptr;
  int inner_steps_ = 0, inner_count_ = 0, outer_iterations_ = 0;
  double inner_tolerance_ = 0.0;
};

// Descriptors shared by the three methods.
HyperParameter inner_steps_parameter();
HyperParameter inner_tolerance_parameter();

}  // namespace lv
