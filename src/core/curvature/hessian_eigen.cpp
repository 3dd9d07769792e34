#include "curvature/hessian_eigen.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lv {

// [[a, b], [b, c]] = m·I + r·R(θ)·diag(1, −1)·R(θ)ᵀ with m = (a + c)/2, r = hypot((a − c)/2, b),
// 2θ = atan2(b, (a − c)/2): eigenvalues m ± r, eigenvectors (cos θ, sin θ) for m + r and
// (−sin θ, cos θ) for m − r (Golub & Van Loan, Matrix Computations, 4th ed., §8.5.2 Jacobi
// rotation for a 2×2 symmetric block).
HessianEigen2 symmetric_eigen_2x2(double a, double b, double c) {
  const double mean = 0.5 * (a + c);
  const double half_difference = 0.5 * (a - c);
  const double radius = std::hypot(half_difference, b);
  const double angle = 0.5 * std::atan2(b, half_difference);  // 0 when b = 0 and a ≥ c
  HessianEigen2 result;
  result.lambda_min = mean - radius;
  result.lambda_max = mean + radius;
  result.v_max = Vec(2);
  result.v_max << std::cos(angle), std::sin(angle);
  result.v_min = Vec(2);
  result.v_min << -std::sin(angle), std::cos(angle);
  return result;
}

HessianEigen2 symmetric_eigen_2x2(const Mat& hessian) {
  return symmetric_eigen_2x2(hessian(0, 0), 0.5 * (hessian(0, 1) + hessian(1, 0)), hessian(1, 1));
}

double condition_number(double lambda_min, double lambda_max) {
  const double low = std::min(std::abs(lambda_min), std::abs(lambda_max));
  const double high = std::max(std::abs(lambda_min), std::abs(lambda_max));
  if (high == 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (low == 0.0) return std::numeric_limits<double>::infinity();
  return high / low;
}

}  // namespace lv
