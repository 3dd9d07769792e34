// Adadelta (Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method", Algorithm 1), exactly as
// torch.optim.Adadelta (which adds lr and weight decay).
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class Adadelta final : public Optimizer {
 public:
  Adadelta();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double rho, eps, weight_decay;
    bool maximize;
  } settings_{};
  Vec direction_;
  Vec square_average_;       // square_avg: E[g²]
  Vec accumulated_updates_;  // acc_delta: E[Δx²]
  Vec delta_;
};

}  // namespace lv
