// A formula objective that also knows a least-squares form of itself: f, ∇f and ∇²f come from the
// formula (so a run records exactly the formula's values), the residuals and Jacobian from the
// residual formulas (for Gauss–Newton). The two must describe the same f (residual_mismatch()).
#pragma once

#include "objective/formula_objective.hpp"
#include "objective/residual_objective.hpp"

namespace lv {

class FormulaWithResiduals final : public Objective, public LeastSquares {
 public:
  FormulaWithResiduals(FormulaObjective formula, ResidualObjective residuals)
      : formula_(std::move(formula)), residuals_(std::move(residuals)) {}

  int dim() const override { return formula_.dim(); }
  double value(const Vec& x) const override { return formula_.value(x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    return formula_.value_gradient(x, gradient);
  }
  Mat hessian(const Vec& x) const override { return formula_.hessian(x); }
  Vec hvp(const Vec& x, const Vec& v) const override { return formula_.hvp(x, v); }

  int residual_count() const override { return residuals_.residual_count(); }
  void residuals_jacobian(const Vec& x, Vec& residuals, Mat& jacobian) const override {
    residuals_.residuals_jacobian(x, residuals, jacobian);
  }

  const ResidualObjective& residuals() const { return residuals_; }

 private:
  FormulaObjective formula_;
  ResidualObjective residuals_;
};

}  // namespace lv
