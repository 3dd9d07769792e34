#include "optim/regularized_optimizer.hpp"

#include <limits>

namespace lv {

Vec soft_threshold(const Vec& v, double threshold) {
  return v.cwiseSign().cwiseProduct((v.cwiseAbs().array() - threshold).max(0.0).matrix());
}

RegularizedOptimizer::RegularizedOptimizer()
    : WrappedOptimizer(
          "regularized",
          {real_parameter("l1", 0.0, 0.0, 1.0, 0.0, std::numeric_limits<double>::infinity(), false,
                          "L1 strength λ1 of λ1‖x‖₁"),
           choice_parameter("l1_method", {"proximal", "subgradient"}, 0,
                            "proximal: soft-threshold by lr·λ1 after the base step; subgradient: "
                            "add λ1·sign(x) to the gradient"),
           real_parameter(
               "l2", 0.0, 0.0, 1.0, 0.0, std::numeric_limits<double>::infinity(), false,
               "L2 strength λ2 of (λ2/2)‖x‖² (added to the gradient; with l1: elastic net)"),
           real_parameter("decoupled_weight_decay", 0.0, 0.0, 0.1, 0.0,
                          std::numeric_limits<double>::infinity(), false,
                          "x ← x − lr·decay·x before the base step (Loshchilov & Hutter 2019)")}) {}

void RegularizedOptimizer::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("l1"), p.get("l2"), p.get("decoupled_weight_decay"),
               p.choice("l1_method") == "proximal"};
  reset_base(x0);
}

// Order within one update:
//   g ← ∇f + λ2·x (+ λ1·sign(x) for the subgradient variant)
//   x ← (1 − lr·decay)·x, then the base step with g: decoupled weight decay as torch.optim.AdamW
//     applies it (Loshchilov & Hutter 2019, Algorithm 2, line 12)
//   x ← S_{lr·λ1}(x) (proximal variant): the proximal gradient step x ← prox_{lr·λ1‖·‖₁}(x − lr·g)
//     (Parikh & Boyd 2014, eq. 4.1), exact for base sgd without momentum.
void RegularizedOptimizer::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  gradient_ = context.gradient + s.l2 * x;
  if (!s.proximal && s.l1 != 0.0) gradient_ += s.l1 * x.cwiseSign();
  if (s.decoupled_weight_decay != 0.0) x *= 1.0 - context.learning_rate * s.decoupled_weight_decay;
  base().step(StepContext{gradient_, context.value, context.learning_rate, context.oracle}, x);
  if (s.proximal && s.l1 != 0.0) x = soft_threshold(x, context.learning_rate * s.l1);
}

}  // namespace lv
