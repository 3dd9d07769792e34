// lv::Expr: a user formula over x, y (or x1..xn) and named parameters, parsed once and compiled
// to a flat Program. Gives the exact value, gradient and Hessian (forward-mode AD, no finite
// differences) and is the source of the GLSL the renderer compiles (see glsl.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/types.hpp"
#include "expr/program.hpp"

namespace lv {

// A named constant of a formula with the range its slider spans.
struct FormulaParameter {
  std::string name;
  double value = 0.0;
  double min = 0.0;
  double max = 1.0;
};

class Expr {
 public:
  // Parses `text`; throws InputError("col N: ...") on a malformed formula, listing every unknown
  // identifier with a suggestion. Parameter names must not clash with reserved names.
  static Expr parse(std::string_view text, std::vector<FormulaParameter> parameters = {});

  const std::string& text() const { return text_; }
  // Number of variables: at least 2 (a formula in x alone is still a surface over (x, y)).
  int dimension() const { return program_.variable_count(); }
  const std::vector<FormulaParameter>& parameters() const { return parameters_; }
  // Throws InputError for an unknown name.
  void set_parameter(std::string_view name, double value);
  double parameter(std::string_view name) const;
  const std::vector<double>& parameter_values() const { return parameter_values_; }
  const Program& program() const { return program_; }

  double value(const Vec& x) const;
  double value_gradient(const Vec& x, Vec& gradient) const;
  double value_gradient_hessian(const Vec& x, Vec& gradient, Mat& hessian) const;
  // Raw-pointer forms for hot loops (x has dimension() entries).
  double value(const double* x) const { return program_.value(x, parameter_values_.data()); }
  double value_gradient(const double* x, double* gradient) const {
    return program_.value_gradient(x, parameter_values_.data(), gradient);
  }

 private:
  int parameter_slot(std::string_view name) const;

  std::string text_;
  std::vector<FormulaParameter> parameters_;
  std::vector<double> parameter_values_;
  Program program_;
};

}  // namespace lv
