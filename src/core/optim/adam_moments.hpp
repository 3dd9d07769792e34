// What Adam, AdamW, NAdam and RAdam share (torch.optim's _single_tensor_adam/_nadam/_radam):
// the settings betas, eps, weight decay and maximize, and the per-run state t, m, v with the
// opening lines of every step that update them. Each method adds only its own final update.
#pragma once

#include "optim/gradient_terms.hpp"
#include "optim/optimizer.hpp"

namespace lv {

struct AdamSettings {  // read from the hyperparameters at reset()
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  WeightDecay weight_decay;
  bool maximize = false;
};

// Reads beta1, beta2, eps, weight_decay (+ decoupled_weight_decay where present) and maximize.
AdamSettings read_adam_settings(const HyperParameters& parameters);

class AdamMoments {
 public:
  void reset(Eigen::Index size);
  // t ← t + 1;  g = ±∇f;  g += wd·x or x ← x(1 − lr·wd);
  // m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²
  void advance(const AdamSettings& settings, const StepContext& context, Vec& x);

  double step_count() const { return static_cast<double>(step_count_); }  // t, for β^t
  const Vec& direction() const { return direction_; }                     // g
  const Vec& first_moment() const { return first_moment_; }               // m (exp_avg)
  const Vec& second_moment() const { return second_moment_; }             // v (exp_avg_sq)
  // Visits m and v (Optimizer::visit_state).
  void visit_state(const std::function<void(Vec&)>& visit);

 private:
  long step_count_ = 0;
  Vec direction_;
  Vec first_moment_;
  Vec second_moment_;
};

}  // namespace lv
