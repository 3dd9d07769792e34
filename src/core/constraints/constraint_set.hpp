// lv::ConstraintSet: constraints written as formulas, "g(x,y) <= 0" (also "lhs <= rhs",
// "lhs >= rhs") and "h(x,y) = 0", each stored as one lv::Expr in the normal form g ≤ 0 / h = 0.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/expr.hpp"

namespace lv {

enum class ConstraintKind { Inequality, Equality };  // g(x) <= 0 or h(x) = 0

struct Constraint {
  ConstraintKind kind;
  std::string text;  // as the user wrote it
  Expr function;     // g or h: lhs − rhs (rhs − lhs for ">=")
};

// Value, gradient and Hessian of one constraint function, sized to the objective's dimension.
struct ConstraintEvaluation {
  double value = 0.0;
  Vec gradient;
  Mat hessian;
};

class ConstraintSet {
 public:
  // Parses "lhs <= rhs", "lhs >= rhs", "lhs = rhs" or "lhs == rhs"; throws InputError naming the
  // constraint and the column of a malformed side.
  void add(std::string_view text);

  const std::vector<Constraint>& constraints() const { return constraints_; }
  int size() const { return static_cast<int>(constraints_.size()); }
  bool empty() const { return constraints_.empty(); }
  bool has_equalities() const;
  // Largest number of variables any constraint uses.
  int dimension() const;

  double value(int index, const Vec& x) const;
  ConstraintEvaluation evaluate(int index, const Vec& x) const;
  // max(0, g_i) over inequalities and |h_j| over equalities (0: feasible).
  double violation(int index, const Vec& x) const;
  double max_violation(const Vec& x) const;

 private:
  std::vector<Constraint> constraints_;
};

}  // namespace lv
