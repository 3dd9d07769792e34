// An Objective defined by a formula (lv::Expr): exact gradients and Hessians by forward-mode AD.
#pragma once

#include "expr/expr.hpp"
#include "objective/objective.hpp"

namespace lv {

class FormulaObjective final : public Objective {
 public:
  explicit FormulaObjective(Expr expr) : expr_(std::move(expr)) {}

  int dim() const override { return expr_.dimension(); }
  double value(const Vec& x) const override { return expr_.value(x.data()); }
  // Straight to the compiled program; the gradient is resized only when its size differs (never,
  // in an optimizer's loop).
  double value_gradient(const Vec& x, Vec& gradient) const override {
    if (gradient.size() != dim()) gradient.resize(dim());
    return expr_.value_gradient(x.data(), gradient.data());
  }
  Mat hessian(const Vec& x) const override;
  Vec hvp(const Vec& x, const Vec& v) const override { return hessian(x) * v; }

  const Expr& expr() const { return expr_; }
  Expr& expr() { return expr_; }

 private:
  Expr expr_;
};

}  // namespace lv
