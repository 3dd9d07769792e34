#include "run/gradient_clipping.hpp"

namespace lv {

void clip_gradient(Vec& gradient, const ClipSettings& settings) {
  if (settings.max_value > 0.0) {
    gradient = gradient.cwiseMax(-settings.max_value).cwiseMin(settings.max_value);
  }
  if (settings.max_norm > 0.0) {
    const double coefficient = settings.max_norm / (gradient.norm() + 1e-6);
    if (coefficient < 1.0) gradient *= coefficient;
  }
}

}  // namespace lv
