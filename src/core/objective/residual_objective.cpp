#include "objective/residual_objective.hpp"

#include <algorithm>

#include "common/errors.hpp"

namespace lv {

ResidualObjective::ResidualObjective(std::vector<Expr> residuals)
    : residuals_(std::move(residuals)) {
  if (residuals_.empty()) throw InputError("a least-squares objective needs at least one residual");
  for (const Expr& residual : residuals_) dimension_ = std::max(dimension_, residual.dimension());
}

ResidualObjective ResidualObjective::parse(const std::vector<std::string>& formulas,
                                           const std::vector<FormulaParameter>& parameters) {
  std::vector<Expr> residuals;
  for (size_t i = 0; i < formulas.size(); ++i) {
    try {
      residuals.push_back(Expr::parse(formulas[i], parameters));
    } catch (const InputError& error) {
      throw InputError("residual " + std::to_string(i + 1) + " '" + formulas[i] +
                       "': " + error.what());
    }
  }
  return ResidualObjective(std::move(residuals));
}

// Every residual reads the first dimension() coordinates it uses of the shared x (a residual in
// x alone ignores y), so the raw-pointer forms of Expr apply to every residual.
double ResidualObjective::value(const Vec& x) const {
  double sum = 0.0;
  for (const Expr& residual : residuals_) {
    const double r = residual.value(x.data());
    sum += r * r;
  }
  return sum;
}

// ∇f = 2 Jᵀ r.
double ResidualObjective::value_gradient(const Vec& x, Vec& gradient) const {
  Vec residuals;
  Mat jacobian;
  residuals_jacobian(x, residuals, jacobian);
  gradient = 2.0 * jacobian.transpose() * residuals;
  return residuals.squaredNorm();
}

// ∇²f = 2 (JᵀJ + Σᵢ rᵢ ∇²rᵢ); Gauss–Newton keeps only the first term.
Mat ResidualObjective::hessian(const Vec& x) const {
  Mat hessian = Mat::Zero(dimension_, dimension_);
  Vec gradient;
  Mat residual_hessian;
  for (const Expr& residual : residuals_) {
    const int n = residual.dimension();
    gradient.resize(n);
    residual_hessian.resize(n, n);
    const double r = residual.program().value_gradient_hessian(
        x.data(), residual.parameter_values().data(), gradient.data(), residual_hessian.data());
    hessian.topLeftCorner(n, n) += 2.0 * (gradient * gradient.transpose() + r * residual_hessian);
  }
  return hessian;
}

void ResidualObjective::residuals_jacobian(const Vec& x, Vec& residuals, Mat& jacobian) const {
  residuals.resize(residual_count());
  jacobian = Mat::Zero(residual_count(), dimension_);
  Vec gradient;
  for (int i = 0; i < residual_count(); ++i) {
    gradient.resize(residuals_[i].dimension());
    residuals[i] = residuals_[i].value_gradient(x.data(), gradient.data());
    jacobian.row(i).head(gradient.size()) = gradient.transpose();
  }
}

std::string ResidualObjective::sum_of_squares_formula() const {
  std::string formula;
  for (const Expr& residual : residuals_) {
    if (!formula.empty()) formula += " + ";
    formula += "(" + residual.text() + ")^2";
  }
  return formula;
}

}  // namespace lv
