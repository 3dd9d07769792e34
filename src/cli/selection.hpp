// The objective selection shared by `run`, `hessian` and `plot`: --function NAME or --expr F,
// with --param k=v overriding (or, for --expr, declaring) formula parameters, and the objective's
// least-squares form (--residuals, or the built-in's residual form) for Gauss–Newton; or a
// two-parameter model on --data (docs/two_param_models.md).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/arguments.hpp"
#include "functions/test_function.hpp"
#include "models/two_param_model.hpp"
#include "objective/formula_objective.hpp"
#include "objective/formula_with_residuals.hpp"

namespace lv::cli {

struct Selection {
  FormulaObjective objective;
  std::string label;                       // function name or the formula
  const TestFunction* function = nullptr;  // null for --expr
  // The formula plus its residuals (f = Σ rᵢ²), where they are known; null otherwise.
  std::shared_ptr<const FormulaWithResiduals> least_squares = nullptr;
  // A model on data (--function linear_regression --data ...); `objective` is then its loss
  // formula. Null otherwise.
  std::shared_ptr<const TwoParamModel> model = nullptr;

  // What optimizers run on: the model (mini-batch gradients, the loss over the samples), else
  // the formula, with its least-squares form where there is one.
  const Objective& target() const {
    if (model) return *model;
    return least_squares ? static_cast<const Objective&>(*least_squares) : objective;
  }
};

// The flags a selection understands, to add to a command's FlagSpec list.
std::vector<FlagSpec> selection_flags();
Selection select_objective(const Arguments& arguments);

}  // namespace lv::cli
