#include "optim/truncated_cg.hpp"

#include <algorithm>
#include <cmath>

namespace lv {

TruncatedCgResult truncated_cg(const std::function<Vec(const Vec&)>& multiply, const Vec& gradient,
                               int max_iterations) {
  const double gradient_norm = gradient.norm();
  const double tolerance = std::min(0.5, std::sqrt(gradient_norm)) * gradient_norm;
  TruncatedCgResult result;
  result.step = Vec::Zero(gradient.size());
  Vec residual = gradient;  // r = B p + g
  Vec direction = -residual;
  double residual_squared = residual.squaredNorm();
  while (result.iterations < max_iterations && std::sqrt(residual_squared) > tolerance) {
    const Vec product = multiply(direction);
    ++result.iterations;
    const double curvature = direction.dot(product);
    if (!(curvature > 0.0)) {
      result.negative_curvature = true;
      if (result.iterations == 1) result.step = -gradient;
      return result;
    }
    const double alpha = residual_squared / curvature;
    result.step += alpha * direction;
    residual += alpha * product;
    const double next_squared = residual.squaredNorm();
    direction = -residual + (next_squared / residual_squared) * direction;
    residual_squared = next_squared;
  }
  return result;
}

}  // namespace lv
