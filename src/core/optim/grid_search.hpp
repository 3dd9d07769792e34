// Grid search: the points of a regular grid over the search box, `batch` per step, coordinate 0
// varying fastest; x shows the best point so far. Stops evaluating once the grid is exhausted.
#pragma once

#include "optim/derivative_free.hpp"

namespace lv {

class GridSearch final : public DerivativeFreeOptimizer {
 public:
  GridSearch();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  long grid_size() const { return grid_size_; }

 private:
  Vec grid_point(long index) const;

  int points_per_axis_ = 0, batch_ = 0;
  long next_index_ = 0, grid_size_ = 0;
};

}  // namespace lv
