// A scalar field sampled on a regular grid over a rectangle: what contours, heatmaps and
// network landscapes share. Sampling a formula uses the batched lv::Program::values.
#pragma once

#include <vector>

#include "expr/expr.hpp"

namespace lv {

struct SampledGrid {
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  int nx = 0, ny = 0;          // samples along x and y (>= 2 each)
  std::vector<double> values;  // nx*ny, row-major by y: values[j*nx + i] at (x_i, y_j)

  double x(int i) const { return x_min + (x_max - x_min) * i / (nx - 1); }
  double y(int j) const { return y_min + (y_max - y_min) * j / (ny - 1); }
  double at(int i, int j) const { return values[static_cast<size_t>(j) * nx + i]; }
  // Smallest and largest finite values (NaN, NaN when none is finite).
  std::pair<double, double> finite_range() const;
};

// f over [x_min, x_max] × [y_min, y_max] at nx × ny points. For formulas with more than two
// variables the others are held at 0. Throws InputError for a grid smaller than 2 × 2 or an
// empty rectangle.
SampledGrid sample_formula(const Expr& expr, double x_min, double x_max, double y_min, double y_max,
                           int nx, int ny);

}  // namespace lv
