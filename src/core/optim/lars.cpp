#include "optim/lars.hpp"

#include <limits>

namespace lv {

double trust_ratio(double weight_norm, double update_norm) {
  if (weight_norm == 0.0 || update_norm == 0.0) return 1.0;
  return weight_norm / update_norm;
}

Lars::Lars()
    : Optimizer(
          "lars",
          {learning_rate_parameter(1.0),
           real_parameter("momentum", 0.9, 0.0, 0.999, 0.0, std::numeric_limits<double>::infinity(),
                          false, "momentum factor m (Algorithm 1)"),
           weight_decay_parameter(),
           real_parameter("trust_coefficient", 1e-3, 1e-4, 1.0, 0.0,
                          std::numeric_limits<double>::infinity(), true,
                          "LARS coefficient η in the local rate η‖w‖/(‖g‖ + β‖w‖) (eq. 6)"),
           grouping_parameter()}) {}

void Lars::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("momentum"), p.get("weight_decay"), p.get("trust_coefficient"),
               p.choice("grouping")};
  groups_.clear();
  velocity_ = Vec::Zero(x0.size());
}

// You et al. 2017, Algorithm 1, per layer l (γ_t = context.learning_rate, β = weight_decay):
//   λˡ = η‖wˡ‖ / (‖gˡ‖ + β‖wˡ‖)               (eq. 6, local LR)
//   vˡ ← m·vˡ + γ_t·λˡ·(gˡ + β·wˡ)
//   wˡ ← wˡ − vˡ
void Lars::step(const StepContext& context, Vec& x) {
  if (groups_.empty())
    groups_ = parameter_groups_for(context.oracle.objective(), settings_.grouping);
  const Settings& s = settings_;
  for (const ParameterGroup& group : groups_) {
    const auto weights = x.segment(group.offset, group.size());
    const auto gradient = context.gradient.segment(group.offset, group.size());
    const double weight_norm = weights.norm();
    const double local_rate =
        s.trust_coefficient *
        trust_ratio(weight_norm, gradient.norm() + s.weight_decay * weight_norm);
    auto velocity = velocity_.segment(group.offset, group.size());
    velocity = s.momentum * velocity +
               context.learning_rate * local_rate * (gradient + s.weight_decay * weights);
  }
  x -= velocity_;
}

}  // namespace lv
