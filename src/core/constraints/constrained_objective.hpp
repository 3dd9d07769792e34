// lv::ConstrainedObjective: an objective plus its ConstraintSet. Value, gradient and Hessian are
// the objective's own (what the runner records and the GUI draws); constrained methods find the
// constraints with constraints_of().
#pragma once

#include "constraints/constraint_set.hpp"
#include "objective/objective.hpp"

namespace lv {

class ConstrainedObjective final : public Objective {
 public:
  // Throws InputError when a constraint uses more variables than the objective has.
  ConstrainedObjective(const Objective& objective, ConstraintSet constraints);

  int dim() const override { return objective_.dim(); }
  double value(const Vec& x) const override { return objective_.value(x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    return objective_.value_gradient(x, gradient);
  }
  Mat hessian(const Vec& x) const override { return objective_.hessian(x); }
  Vec hvp(const Vec& x, const Vec& v) const override { return objective_.hvp(x, v); }
  bool has_dense_hessian() const override { return objective_.has_dense_hessian(); }

  const Objective& unconstrained() const { return objective_; }
  const ConstraintSet& constraints() const { return constraints_; }

 private:
  const Objective& objective_;
  ConstraintSet constraints_;
};

// The constraints of `objective`; throws InputError naming `method` when it has none.
const ConstraintSet& constraints_of(const Objective& objective, const std::string& method);

}  // namespace lv
