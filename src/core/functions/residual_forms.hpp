// Least-squares forms of built-in test surfaces: f = Σᵢ rᵢ² exactly, so Gauss–Newton (and the
// Gauss–Newton metric of natural gradient) can run on them. Only functions that are an exact sum
// of squares for their default parameters are listed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "objective/formula_with_residuals.hpp"
#include "objective/residual_objective.hpp"

namespace lv {

struct ResidualForm {
  std::string function;                // the built-in's name (TestFunction::name)
  std::vector<std::string> residuals;  // formulas over x, y and the function's parameters
  std::string reference;               // where the sum-of-squares form comes from
};

const std::vector<ResidualForm>& residual_forms();
// Null where the function has no least-squares form.
const ResidualForm* find_residual_form(std::string_view function_name);

// The first point of a grid over [-2, 2]ⁿ (n = the formula's dimension) where Σᵢ rᵢ² and `formula`
// differ by more than a relative 1e-9; nullopt where they agree everywhere (so the residuals really
// are a least-squares form of the formula, for the current parameter values).
std::optional<Vec> residual_mismatch(const Expr& formula, const ResidualObjective& residuals);

// `expr` (the built-in `function_name` with its current parameter values) together with its
// least-squares form, where it has one that still equals the formula (e.g. not Rosenbrock with
// b < 0, which is no sum of squares); null otherwise.
std::shared_ptr<const FormulaWithResiduals> builtin_least_squares(std::string_view function_name,
                                                                  const Expr& expr);

}  // namespace lv
