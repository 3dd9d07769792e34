// Built-in test surfaces: each is a formula plus metadata (description, view box, known critical
// points from the literature, recommended start points). One file per function defines its
// make_<name>() and registry.cpp lists them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expr.hpp"

namespace lv {

struct ViewBox {
  double x_min = -2.0, x_max = 2.0, y_min = -2.0, y_max = 2.0;
};

enum class CriticalKind { GlobalMinimum, LocalMinimum, Saddle };

struct CriticalPoint {
  double x = 0.0, y = 0.0;
  double value = 0.0;  // f at the point, from the literature
  CriticalKind kind = CriticalKind::GlobalMinimum;
  // False where f is not differentiable at the point (e.g. Ackley's cusp at the origin): the
  // point is still a minimum but has no gradient or Hessian there.
  bool differentiable = true;
};

struct TestFunction {
  std::string name;         // lowercase_with_underscores, used by --function and scenes
  std::string title;        // "Rosenbrock's banana"
  std::string description;  // one line a student understands
  std::string formula;
  std::vector<FormulaParameter> parameters;  // default values + slider ranges
  ViewBox view;
  std::vector<CriticalPoint> critical_points;           // for the default parameter values
  std::vector<std::pair<double, double>> start_points;  // recommended starts
  std::string reference;                                // where the formula and minima come from

  // Parses the formula with the default parameters (never throws for a built-in).
  Expr expr() const { return Expr::parse(formula, parameters); }
};

const std::vector<TestFunction>& test_functions();
// Throws InputError naming the unknown function and the closest known name.
const TestFunction& find_test_function(std::string_view name);

}  // namespace lv
