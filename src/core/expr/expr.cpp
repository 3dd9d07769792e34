#include "expr/expr.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "common/errors.hpp"
#include "expr/parser.hpp"

namespace lv {

namespace {

// A parameter name becomes an identifier in formulas and a GLSL uniform (lv_param_NAME), so it
// must be one: a letter or '_', then letters, digits or '_'; not a variable name x1..xn.
bool is_parameter_name(const std::string& name) {
  constexpr size_t k_max_name_length = 64;
  if (name.empty() || name.size() > k_max_name_length) return false;
  const auto is_letter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
  };
  const auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (!is_letter(name[0])) return false;
  if (!std::all_of(name.begin(), name.end(), [&](char c) { return is_letter(c) || is_digit(c); }))
    return false;
  const bool variable_like =
      name.size() > 1 && name[0] == 'x' && std::all_of(name.begin() + 1, name.end(), is_digit);
  return !variable_like;
}

}  // namespace

Expr Expr::parse(std::string_view text, std::vector<FormulaParameter> parameters) {
  std::vector<std::string> names;
  for (const FormulaParameter& parameter : parameters) {
    if (!is_parameter_name(parameter.name)) {
      throw InputError("parameter name '" + parameter.name +
                       "' is not a name: use a letter or '_' followed by letters, digits or '_' "
                       "(at most 64), other than x1, x2, ...");
    }
    if (!std::isfinite(parameter.value)) {
      throw InputError("parameter '" + parameter.name + "' has a value that is not finite");
    }
    const auto& reserved = reserved_identifiers();
    if (std::find(reserved.begin(), reserved.end(), parameter.name) != reserved.end()) {
      throw InputError("parameter name '" + parameter.name + "' is reserved");
    }
    if (std::find(names.begin(), names.end(), parameter.name) != names.end()) {
      throw InputError("parameter '" + parameter.name + "' is declared twice");
    }
    names.push_back(parameter.name);
  }
  const ParseResult parsed = parse_formula(text, names);
  Expr expr;
  expr.text_ = std::string(text);
  expr.parameters_ = std::move(parameters);
  for (const FormulaParameter& parameter : expr.parameters_) {
    expr.parameter_values_.push_back(parameter.value);
  }
  const int variables = std::max(2, parsed.variable_count);
  expr.program_ = Program::compile(parsed.ast, variables, static_cast<int>(names.size()));
  return expr;
}

int Expr::parameter_slot(std::string_view name) const {
  for (size_t slot = 0; slot < parameters_.size(); ++slot) {
    if (parameters_[slot].name == name) return static_cast<int>(slot);
  }
  throw InputError("unknown parameter '" + std::string(name) + "' in formula '" + text_ + "'");
}

void Expr::set_parameter(std::string_view name, double value) {
  const int slot = parameter_slot(name);
  parameters_[slot].value = value;
  parameter_values_[slot] = value;
}

double Expr::parameter(std::string_view name) const {
  return parameter_values_[parameter_slot(name)];
}

double Expr::value(const Vec& x) const {
  return program_.value(x.data(), parameter_values_.data());
}

double Expr::value_gradient(const Vec& x, Vec& gradient) const {
  if (gradient.size() != dimension()) gradient.resize(dimension());
  return program_.value_gradient(x.data(), parameter_values_.data(), gradient.data());
}

double Expr::value_gradient_hessian(const Vec& x, Vec& gradient, Mat& hessian) const {
  gradient.resize(dimension());
  hessian.resize(dimension(), dimension());
  // The program writes row-major; the Hessian is symmetric so Eigen's column-major is the same.
  return program_.value_gradient_hessian(x.data(), parameter_values_.data(), gradient.data(),
                                         hessian.data());
}

}  // namespace lv
