#include "objective/formula_objective.hpp"

namespace lv {

Mat FormulaObjective::hessian(const Vec& x) const {
  Vec gradient;
  Mat h;
  expr_.value_gradient_hessian(x, gradient, h);
  return h;
}

}  // namespace lv
