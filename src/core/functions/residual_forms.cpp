#include "functions/residual_forms.hpp"

#include <cmath>

#include "common/errors.hpp"

namespace lv {

const std::vector<ResidualForm>& residual_forms() {
  static const std::vector<ResidualForm> forms = {
      // ½(x² + κy²) = (x/√2)² + (√(κ/2) y)²
      {"quadratic", {"x/sqrt(2)", "sqrt(kappa/2)*y"}, "f = 0.5*(x^2 + kappa*y^2)"},
      // More, Garbow & Hillstrom, ACM TOMS 7 (1981) 17, problem 1: r₁ = 1 − x, r₂ = 10(y − x²)
      // for b = 100; √b in general (b ≥ 0).
      {"rosenbrock", {"a - x", "sqrt(b)*(y - x^2)"}, "More, Garbow & Hillstrom 1981, problem 1"},
      {"booth", {"x + 2*y - 7", "2*x + y - 5"}, "Jamil & Yang 2013, Booth function"},
      // More, Garbow & Hillstrom 1981, problem 5: rᵢ = yᵢ − x(1 − yⁱ), y = (1.5, 2.25, 2.625)
      {"beale",
       {"1.5 - x + x*y", "2.25 - x + x*y^2", "2.625 - x + x*y^3"},
       "More, Garbow & Hillstrom 1981, problem 5 (Beale)"},
      {"himmelblau",
       {"x^2 + y - 11", "x + y^2 - 7"},
       "Himmelblau, Applied Nonlinear Programming (1972)"},
      // 0.26(x² + y²) − 0.48xy = 0.25(x − y)² + 0.01(x + y)²  (expand: 0.26x² + 0.26y² − 0.48xy)
      {"matyas", {"0.5*(x - y)", "0.1*(x + y)"}, "Jamil & Yang 2013, Matyas function, regrouped"},
      // sin²(3πx) + (x−1)²(1 + sin²(3πy)) + (y−1)²(1 + sin²(2πy))
      {"levi13",
       {"sin(3*pi*x)", "(x - 1)*sqrt(1 + sin(3*pi*y)^2)", "(y - 1)*sqrt(1 + sin(2*pi*y)^2)"},
       "Levi function N.13 (Surjanovic & Bingham, Virtual Library of Simulation Experiments)"},
  };
  return forms;
}

const ResidualForm* find_residual_form(std::string_view function_name) {
  for (const ResidualForm& form : residual_forms()) {
    if (form.function == function_name) return &form;
  }
  return nullptr;
}

std::optional<Vec> residual_mismatch(const Expr& formula, const ResidualObjective& residuals) {
  const int n = std::max(formula.dimension(), residuals.dim());
  constexpr int k_points_per_axis = 5;
  const int point_count = static_cast<int>(std::pow(k_points_per_axis, std::min(n, 4)));
  Vec x(n);
  for (int index = 0; index < point_count; ++index) {
    int rest = index;
    for (int i = 0; i < n; ++i) {
      // -1.7, -0.85, 0, 0.85, 1.7 (off the integers, where many surfaces have special points)
      x[i] = -1.7 + 0.85 * (rest % k_points_per_axis);
      rest /= k_points_per_axis;
    }
    const double expected = formula.value(x.data());
    const double actual = residuals.value(x);
    if (!(std::abs(expected - actual) <= 1e-9 * (1.0 + std::abs(expected)))) return x;
  }
  return std::nullopt;
}

std::shared_ptr<const FormulaWithResiduals> builtin_least_squares(std::string_view function_name,
                                                                  const Expr& expr) {
  const ResidualForm* form = find_residual_form(function_name);
  if (!form) return nullptr;
  try {
    ResidualObjective residuals = ResidualObjective::parse(form->residuals, expr.parameters());
    if (residual_mismatch(expr, residuals)) return nullptr;
    return std::make_shared<const FormulaWithResiduals>(FormulaObjective(expr),
                                                        std::move(residuals));
  } catch (const InputError&) {
    return nullptr;  // the form no longer fits the built-in: run it without residuals
  }
}

}  // namespace lv
