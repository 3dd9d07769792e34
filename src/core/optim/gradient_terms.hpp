// Terms shared by torch.optim's update rules: the gradient as a method sees it (maximize, weight
// decay as an L2 penalty or decoupled), and the exponential moving averages of g and g².
// Every function writes into preallocated vectors, so a step never allocates.
#pragma once

#include "common/types.hpp"
#include "params/hyperparameter.hpp"

namespace lv {

// torch.optim's two kinds of weight decay (Adam vs AdamW, NAdam/RAdam decoupled_weight_decay).
struct WeightDecay {
  double coefficient = 0.0;
  bool decoupled = false;
};

// The boolean `decoupled_weight_decay` of torch.optim.NAdam and RAdam (default: false).
HyperParameter decoupled_weight_decay_flag();
// Reads "weight_decay" and, where the method has it, "decoupled_weight_decay".
WeightDecay weight_decay_from(const HyperParameters& parameters);

// direction ← −∇f if maximize else ∇f: the first line of every _single_tensor_<name>.
void signed_gradient(const Vec& gradient, bool maximize, Vec& direction);

// Coupled (L2): direction += weight_decay·x, as `grad = grad.add(param, alpha=weight_decay)`.
// Decoupled: x ← x·(1 − lr·weight_decay), as `param.mul_(1 - lr * weight_decay)`
// (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2, line 12).
void apply_weight_decay(const WeightDecay& decay, double learning_rate, Vec& x, Vec& direction);

// m ← m + (1 − β1)(g − m) = β1·m + (1 − β1)·g, torch's `exp_avg.lerp_(grad, 1 - beta1)`.
void update_first_moment(Vec& first_moment, const Vec& direction, double beta1);

// v ← β·v + (1 − β)·g², torch's `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)`
// (also RMSprop's and Adadelta's square_avg with β = alpha or rho).
void update_second_moment(Vec& second_moment, const Vec& direction, double beta);

}  // namespace lv
