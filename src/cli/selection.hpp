// The objective selection shared by `run`, `hessian` and `plot`: --function NAME or --expr F,
// with --param k=v overriding (or, for --expr, declaring) formula parameters.
#pragma once

#include <optional>
#include <string>

#include "cli/arguments.hpp"
#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"

namespace lv::cli {

struct Selection {
  FormulaObjective objective;
  std::string label;                                 // function name or the formula
  const TestFunction* function = nullptr;            // null for --expr
};

// The flags a selection understands, to add to a command's FlagSpec list.
std::vector<FlagSpec> selection_flags();
Selection select_objective(const Arguments& arguments);

}  // namespace lv::cli
