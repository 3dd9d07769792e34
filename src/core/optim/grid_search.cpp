#include "optim/grid_search.hpp"

#include <cmath>

#include "common/errors.hpp"

namespace lv {

GridSearch::GridSearch()
    : DerivativeFreeOptimizer(
          "grid_search",
          {integer_parameter("points_per_axis", 21, 2, 101, 2, 100000,
                             "grid points along each coordinate"),
           integer_parameter("batch", 1, 1, 100, 1, 1000000, "grid points evaluated per step"),
           lower_bound_parameter(), upper_bound_parameter(), seed_parameter()}) {}

void GridSearch::reset(const Vec& x0) {
  reset_search(x0);
  read_box(static_cast<int>(x0.size()));
  points_per_axis_ = hyperparameters().integer("points_per_axis");
  batch_ = hyperparameters().integer("batch");
  const double size =
      std::pow(static_cast<double>(points_per_axis_), static_cast<double>(x0.size()));
  if (size > 1e9) throw InputError("grid_search: points_per_axis^dimension exceeds 10^9 points");
  grid_size_ = static_cast<long>(size);
  next_index_ = 0;
}

Vec GridSearch::grid_point(long index) const {
  Vec point(lower().size());
  for (Eigen::Index i = 0; i < point.size(); ++i) {
    const long k = index % points_per_axis_;
    index /= points_per_axis_;
    point[i] =
        lower()[i] + (upper()[i] - lower()[i]) * static_cast<double>(k) / (points_per_axis_ - 1);
  }
  return point;
}

void GridSearch::step(const StepContext& context, Vec& x) {
  start_if_needed(context, x);
  for (int k = 0; k < batch_ && next_index_ < grid_size_; ++k) {
    evaluate(context.oracle, grid_point(next_index_++));
  }
  x = best_point();
}

}  // namespace lv
