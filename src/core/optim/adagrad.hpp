// Adagrad (Duchi, Hazan & Singer 2011) with lr decay, exactly as torch.optim.Adagrad.
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class Adagrad final : public Optimizer {
 public:
  Adagrad();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double lr_decay, weight_decay, initial_accumulator_value, eps;
    bool maximize;
  } settings_{};
  long step_count_ = 0;
  Vec direction_;
  Vec sum_of_squares_;  // state_sum
};

}  // namespace lv
