#include "objective/regularized_objective.hpp"

#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

namespace {

void check_strength(const char* name, double value) {
  if (!std::isfinite(value) || value < 0.0) {
    throw InputError(std::string("regularization strength ") + name + " = " + format_exact(value) +
                     " must be finite and >= 0");
  }
}

}  // namespace

RegularizedObjective::RegularizedObjective(const Objective& objective, double l1, double l2)
    : objective_(objective), l1_(l1), l2_(l2) {
  check_strength("l1", l1);
  check_strength("l2", l2);
}

double RegularizedObjective::value(const Vec& x) const {
  return objective_.value(x) + l1_ * x.lpNorm<1>() + 0.5 * l2_ * x.squaredNorm();
}

double RegularizedObjective::value_gradient(const Vec& x, Vec& gradient) const {
  const double f = objective_.value_gradient(x, gradient);
  gradient += l1_ * x.cwiseSign() + l2_ * x;
  return f + l1_ * x.lpNorm<1>() + 0.5 * l2_ * x.squaredNorm();
}

Mat RegularizedObjective::hessian(const Vec& x) const {
  Mat h = objective_.hessian(x);
  h.diagonal().array() += l2_;
  return h;
}

Vec RegularizedObjective::hvp(const Vec& x, const Vec& v) const {
  return objective_.hvp(x, v) + l2_ * v;
}

std::string regularized_formula(const std::string& formula,
                                const std::vector<std::string>& variables, double l1, double l2) {
  std::string text = "(" + formula + ")";
  std::string absolute, squares;
  for (const std::string& v : variables) {
    absolute += (absolute.empty() ? "" : " + ") + ("abs(" + v + ")");
    squares += (squares.empty() ? "" : " + ") + (v + "^2");
  }
  if (l1 != 0.0) text += " + " + format_exact(l1) + "*(" + absolute + ")";
  if (l2 != 0.0) text += " + " + format_exact(l2) + "/2*(" + squares + ")";
  return text;
}

}  // namespace lv
