#include "objective/objective.hpp"

namespace lv {

Mat Objective::hessian(const Vec& x) const {
  // Generic fallback: assemble column by column from Hessian-vector products.
  const int n = dim();
  Mat h(n, n);
  Vec unit = Vec::Zero(n);
  for (int i = 0; i < n; ++i) {
    unit[i] = 1.0;
    h.col(i) = hvp(x, unit);
    unit[i] = 0.0;
  }
  return 0.5 * (h + h.transpose());
}

Vec Objective::hvp(const Vec& x, const Vec& v) const {
  return hessian(x) * v;
}

}  // namespace lv
