#include "constraints/constraint_set.hpp"

#include <algorithm>
#include <cmath>

#include "common/errors.hpp"

namespace lv {

namespace {

struct Relation {
  size_t position;
  size_t length;
  ConstraintKind kind;
  bool flipped;  // ">=": g = rhs − lhs
};

// The single relation operator of a constraint; rejects none, several, or strict "<" / ">".
Relation find_relation(std::string_view text) {
  std::vector<Relation> found;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool equals_next = i + 1 < text.size() && text[i + 1] == '=';
    if (c == '<' || c == '>') {
      if (!equals_next) {
        throw InputError("constraint '" + std::string(text) + "', col " + std::to_string(i + 1) +
                         ": strict '" + c + "' is not supported; write '" + c + "='");
      }
      found.push_back({i, 2, ConstraintKind::Inequality, c == '>'});
      ++i;
    } else if (c == '=') {
      found.push_back({i, equals_next ? 2u : 1u, ConstraintKind::Equality, false});
      if (equals_next) ++i;
    }
  }
  if (found.size() != 1) {
    throw InputError("constraint '" + std::string(text) + "': expected exactly one of <=, >=, = " +
                     "(e.g. \"x + y >= 1\" or \"x^2 + y^2 - 1 <= 0\")");
  }
  return found.front();
}

Expr parse_side(std::string_view text, std::string_view side, const char* which, size_t offset) {
  try {
    return Expr::parse(side);
  } catch (const InputError& error) {
    throw InputError("constraint '" + std::string(text) + "', " + which +
                     " side (starting at col " + std::to_string(offset + 1) + "): " + error.what());
  }
}

}  // namespace

void ConstraintSet::add(std::string_view text) {
  const Relation relation = find_relation(text);
  const std::string_view left = text.substr(0, relation.position);
  const std::string_view right = text.substr(relation.position + relation.length);
  parse_side(text, left, "left", 0);
  parse_side(text, right, "right", relation.position + relation.length);
  const std::string normal = relation.flipped
                                 ? "(" + std::string(right) + ") - (" + std::string(left) + ")"
                                 : "(" + std::string(left) + ") - (" + std::string(right) + ")";
  constraints_.push_back({relation.kind, std::string(text), Expr::parse(normal)});
}

bool ConstraintSet::has_equalities() const {
  return std::any_of(constraints_.begin(), constraints_.end(),
                     [](const Constraint& c) { return c.kind == ConstraintKind::Equality; });
}

int ConstraintSet::dimension() const {
  int dimension = 0;
  for (const Constraint& c : constraints_) dimension = std::max(dimension, c.function.dimension());
  return dimension;
}

double ConstraintSet::value(int index, const Vec& x) const {
  return constraints_[static_cast<size_t>(index)].function.value(x);
}

ConstraintEvaluation ConstraintSet::evaluate(int index, const Vec& x) const {
  const Expr& function = constraints_[static_cast<size_t>(index)].function;
  const int n = static_cast<int>(x.size());
  const int m = function.dimension();
  Vec gradient;
  Mat hessian;
  ConstraintEvaluation result;
  result.value = function.value_gradient_hessian(x, gradient, hessian);
  // A constraint in fewer variables than the objective does not depend on the others.
  result.gradient = Vec::Zero(n);
  result.hessian = Mat::Zero(n, n);
  result.gradient.head(std::min(n, m)) = gradient.head(std::min(n, m));
  result.hessian.topLeftCorner(std::min(n, m), std::min(n, m)) =
      hessian.topLeftCorner(std::min(n, m), std::min(n, m));
  return result;
}

double ConstraintSet::violation(int index, const Vec& x) const {
  const double v = value(index, x);
  return constraints_[static_cast<size_t>(index)].kind == ConstraintKind::Equality
             ? std::abs(v)
             : std::max(0.0, v);
}

double ConstraintSet::max_violation(const Vec& x) const {
  double worst = 0.0;
  for (int i = 0; i < size(); ++i) worst = std::max(worst, violation(i, x));
  return worst;
}

}  // namespace lv
