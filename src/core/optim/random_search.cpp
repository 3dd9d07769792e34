#include "optim/random_search.hpp"

namespace lv {

RandomSearch::RandomSearch()
    : DerivativeFreeOptimizer(
          "random_search",
          {integer_parameter("batch", 1, 1, 100, 1, 1000000, "random points evaluated per step"),
           lower_bound_parameter(), upper_bound_parameter(), seed_parameter()}) {}

void RandomSearch::reset(const Vec& x0) {
  reset_search(x0);
  read_box(static_cast<int>(x0.size()));
  batch_ = hyperparameters().integer("batch");
}

void RandomSearch::step(const StepContext& context, Vec& x) {
  start_if_needed(context, x);
  for (int k = 0; k < batch_; ++k) evaluate(context.oracle, uniform_in_box());
  x = best_point();
}

}  // namespace lv
