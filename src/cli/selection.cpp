#include "cli/selection.hpp"

#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv::cli {

std::vector<FlagSpec> selection_flags() {
  return {{"function"}, {"expr"}, {"param", true, true}};
}

Selection select_objective(const Arguments& arguments) {
  const auto function_name = arguments.value("function");
  const auto formula = arguments.value("expr");
  if (function_name && formula) throw InputError("give either --function or --expr, not both");
  if (!function_name && !formula) throw InputError("missing --function NAME or --expr \"FORMULA\"");

  std::vector<std::pair<std::string, double>> assignments;
  for (const std::string& text : arguments.values("param")) {
    auto [name, value_text] = split_assignment(text, "param");
    const auto value = parse_double(value_text);
    if (!value || !std::isfinite(*value)) {
      throw InputError("--param " + name + ": '" + value_text + "' is not a finite number");
    }
    assignments.emplace_back(name, *value);
  }

  if (function_name) {
    const TestFunction& function = find_test_function(*function_name);
    Expr expr = function.expr();
    for (const auto& [name, value] : assignments) {
      try {
        expr.set_parameter(name, value);
      } catch (const InputError& error) {
        throw InputError("--param: " + std::string(error.what()));
      }
    }
    return {FormulaObjective(std::move(expr)), function.name, &function};
  }

  std::vector<FormulaParameter> parameters;
  for (const auto& [name, value] : assignments) {
    const double span = std::max(1.0, std::abs(value));
    parameters.push_back({name, value, value - span, value + span});
  }
  try {
    return {FormulaObjective(Expr::parse(*formula, std::move(parameters))), *formula, nullptr};
  } catch (const InputError& error) {
    throw InputError("--expr: " + std::string(error.what()));
  }
}

}  // namespace lv::cli
