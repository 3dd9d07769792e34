#include "common/quantile.hpp"

#include <algorithm>
#include <cmath>

namespace lv {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double position = std::clamp(p, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  if (fraction == 0.0 || sorted[above] == sorted[below]) return sorted[below];
  if (std::isinf(sorted[above])) return sorted[above];
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace lv
