#include "cli/selection.hpp"

#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "functions/residual_forms.hpp"

namespace lv::cli {

namespace {

std::string point_text(const Vec& x) {
  std::string text;
  for (Eigen::Index i = 0; i < x.size(); ++i) text += (i ? "," : "") + format_exact(x[i]);
  return text;
}

// --residuals "r1; r2": must add up (squared) to the --expr formula.
std::shared_ptr<const FormulaWithResiduals> declared_residuals(const std::string& text,
                                                               const Expr& expr) {
  std::vector<std::string> formulas;
  for (const std::string& formula : split(text, ';')) {
    if (formula.find_first_not_of(" \t") == std::string::npos) {
      throw InputError("--residuals: empty residual in '" + text +
                       "' (separate formulas with ';')");
    }
    formulas.push_back(formula);
  }
  try {
    ResidualObjective residuals = ResidualObjective::parse(formulas, expr.parameters());
    if (const auto point = residual_mismatch(expr, residuals)) {
      throw InputError("the sum of squared residuals differs from --expr at (" +
                       point_text(*point) + ")");
    }
    return std::make_shared<const FormulaWithResiduals>(FormulaObjective(expr),
                                                        std::move(residuals));
  } catch (const InputError& error) {
    throw InputError("--residuals: " + std::string(error.what()));
  }
}

}  // namespace

std::vector<FlagSpec> selection_flags() {
  return {{"function"}, {"expr"}, {"param", true, true}, {"residuals"}, {"data"}};
}

namespace {

Selection select_model(const TwoParamModelInfo& info, const Arguments& arguments) {
  const auto data = arguments.value("data");
  if (!data) {
    throw InputError("--function " + info.name + " needs --data DATA (a CSV file with the " +
                     "columns " + (info.columns.inputs.size() == 1 ? "x,y" : "x1,x2,label") +
                     ", or a generator such as " + info.default_data + ")");
  }
  if (arguments.has("param")) throw InputError("--param: " + info.name + " has no parameters");
  if (arguments.has("residuals")) throw InputError("--residuals goes with --expr, not --function");
  auto model = std::make_shared<const TwoParamModel>(info, [&] {
    try {
      return load_model_data(*data, info.columns);
    } catch (const InputError& error) {
      throw InputError("--data: " + std::string(error.what()));
    }
  }());
  return {FormulaObjective(Expr::parse(model->loss_formula())), info.name, nullptr, nullptr,
          std::move(model)};
}

}  // namespace

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
    if (const TwoParamModelInfo* model = find_two_param_model(*function_name))
      return select_model(*model, arguments);
  }
  if (arguments.has("data")) {
    throw InputError(
        "--data goes with a model on data (--function linear_regression, "
        "logistic_regression or neuron)");
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
    if (arguments.has("residuals"))
      throw InputError("--residuals goes with --expr, not --function");
    auto residuals = builtin_least_squares(function.name, expr);
    return {FormulaObjective(std::move(expr)), function.name, &function, std::move(residuals)};
  }

  std::vector<FormulaParameter> parameters;
  for (const auto& [name, value] : assignments) {
    const double span = std::max(1.0, std::abs(value));
    parameters.push_back({name, value, value - span, value + span});
  }
  Expr expr = [&] {
    try {
      return Expr::parse(*formula, std::move(parameters));
    } catch (const InputError& error) {
      throw InputError("--expr: " + std::string(error.what()));
    }
  }();
  std::shared_ptr<const FormulaWithResiduals> residuals;
  if (const auto text = arguments.value("residuals")) residuals = declared_residuals(*text, expr);
  return {FormulaObjective(std::move(expr)), *formula, nullptr, std::move(residuals)};
}

}  // namespace lv::cli
