// lv::ResidualObjective: f(x) = Σᵢ rᵢ(x)² built from residual formulas (one lv::Expr each), e.g.
// Rosenbrock as r₁ = a − x, r₂ = √b (y − x²). Exposes the residuals and Jacobian (LeastSquares)
// for Gauss–Newton; value, gradient 2Jᵀr and Hessian 2(JᵀJ + Σᵢ rᵢ∇²rᵢ) come from the residuals'
// exact forward-mode derivatives.
#pragma once

#include <string>
#include <vector>

#include "expr/expr.hpp"
#include "objective/least_squares.hpp"
#include "objective/objective.hpp"

namespace lv {

class ResidualObjective final : public Objective, public LeastSquares {
 public:
  // Throws InputError for an empty list.
  explicit ResidualObjective(std::vector<Expr> residuals);
  // Parses each formula with the same parameters; errors name the residual ("residual 2: col 5:
  // ...").
  static ResidualObjective parse(const std::vector<std::string>& formulas,
                                 const std::vector<FormulaParameter>& parameters = {});

  int dim() const override { return dimension_; }
  double value(const Vec& x) const override;
  double value_gradient(const Vec& x, Vec& gradient) const override;
  Mat hessian(const Vec& x) const override;
  Vec hvp(const Vec& x, const Vec& v) const override { return hessian(x) * v; }

  int residual_count() const override { return static_cast<int>(residuals_.size()); }
  void residuals_jacobian(const Vec& x, Vec& residuals, Mat& jacobian) const override;

  const std::vector<Expr>& residuals() const { return residuals_; }
  // "(r1)^2 + (r2)^2": the objective as one formula (for display and shaders).
  std::string sum_of_squares_formula() const;

 private:
  std::vector<Expr> residuals_;
  int dimension_ = 0;
};

}  // namespace lv
