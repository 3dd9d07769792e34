// SGD with momentum, dampening, Nesterov, weight decay and maximize, exactly as torch.optim.SGD.
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class Sgd final : public Optimizer {
 public:
  Sgd();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double momentum, dampening, weight_decay;
    bool nesterov, maximize;
  } settings_{};
  Vec momentum_buffer_;
  bool has_buffer_ = false;
  Vec direction_;
};

}  // namespace lv
