#include "grid/sampled_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/errors.hpp"

namespace lv {

std::pair<double, double> SampledGrid::finite_range() const {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (double value : values) {
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (low > high) return {std::nan(""), std::nan("")};
  return {low, high};
}

SampledGrid sample_formula(const Expr& expr, double x_min, double x_max, double y_min, double y_max,
                           int nx, int ny) {
  if (nx < 2 || ny < 2) throw InputError("a sampled grid needs at least 2 x 2 points");
  if (!(x_max > x_min) || !(y_max > y_min)) {
    throw InputError("the plot rectangle is empty: x and y ranges must be increasing");
  }
  SampledGrid grid{
      x_min, x_max, y_min, y_max, nx, ny, std::vector<double>(static_cast<size_t>(nx) * ny)};
  const int dimension = expr.dimension();
  // One row of points at a time through the batched evaluator.
  std::vector<double> points(static_cast<size_t>(nx) * dimension, 0.0);
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      points[static_cast<size_t>(i) * dimension] = grid.x(i);
      points[static_cast<size_t>(i) * dimension + 1] = grid.y(j);
    }
    expr.program().values(points.data(), nx, expr.parameter_values().data(),
                          grid.values.data() + static_cast<size_t>(j) * nx);
  }
  return grid;
}

}  // namespace lv
