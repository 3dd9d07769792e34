#include "curvature/lanczos.hpp"

#include <algorithm>
#include <cmath>

namespace lv {

LanczosRun lanczos(const Objective& objective, const Vec& x, const Vec& start, int steps,
                   const LanczosStop& stop) {
  const Eigen::Index n = x.size();
  steps = static_cast<int>(std::min<Eigen::Index>(steps, n));
  LanczosRun run;
  Mat basis(n, steps);
  Vec alpha(steps), beta(std::max(steps - 1, 0));
  if (steps > 0) basis.col(0) = start.normalized();
  int built = 0;
  for (int j = 0; j < steps; ++j) {
    Vec w = objective.hvp(x, basis.col(j));
    ++run.hessian_vector_products;
    alpha[j] = basis.col(j).dot(w);
    built = j + 1;
    // Full reorthogonalization (twice is enough, Parlett's "twice is enough") keeps the Ritz
    // values free of ghost copies.
    for (int pass = 0; pass < 2; ++pass)
      w -= basis.leftCols(j + 1) * (basis.leftCols(j + 1).transpose() * w);
    const double norm = w.norm();
    if (stop && stop(alpha.head(j + 1), beta.head(j), norm)) break;
    if (j + 1 == steps) break;
    if (norm <= 1e-12 * std::max(1.0, std::abs(alpha[j]))) break;
    beta[j] = norm;
    basis.col(j + 1) = w / norm;
  }
  run.alpha = alpha.head(built);
  run.beta = beta.head(std::max(built - 1, 0));
  run.basis = basis.leftCols(built);
  return run;
}

void lanczos_tridiagonal(const Objective& objective, const Vec& x, const Vec& start, int steps,
                         Vec& alpha, Vec& beta) {
  LanczosRun run = lanczos(objective, x, start, steps);
  alpha = std::move(run.alpha);
  beta = std::move(run.beta);
}

}  // namespace lv
