// Random search (Bergstra & Bengio 2012): `batch` points uniform in the search box per step; x
// shows the best point so far.
#pragma once

#include "optim/derivative_free.hpp"

namespace lv {

class RandomSearch final : public DerivativeFreeOptimizer {
 public:
  RandomSearch();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  int batch_ = 0;
};

}  // namespace lv
