#include "optim/lamb.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "optim/lars.hpp"

namespace lv {

Lamb::Lamb()
    : Optimizer("lamb",
                {learning_rate_parameter(1e-3),
                 real_parameter("beta1", 0.9, 0.0, 0.999, 0.0, just_below_one(), false,
                                "first-moment decay β1"),
                 real_parameter("beta2", 0.999, 0.9, 0.9999, 0.0, just_below_one(), false,
                                "second-moment decay β2"),
                 eps_parameter(1e-6),
                 real_parameter("weight_decay", 0.0, 0.0, 0.1, 0.0,
                                std::numeric_limits<double>::infinity(), false,
                                "decoupled weight decay λ inside the trust ratio (Algorithm 2)"),
                 real_parameter("clamp_value", 10.0, 1.0, 100.0, 0.0,
                                std::numeric_limits<double>::infinity(), true,
                                "upper clamp γ_u of φ(z) = min(z, γ_u) applied to ‖x‖ (0: none)"),
                 grouping_parameter(), maximize_parameter()}) {}

void Lamb::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("beta1"),       p.get("beta2"),     p.get("eps"),        p.get("weight_decay"),
               p.get("clamp_value"), p.flag("maximize"), p.choice("grouping")};
  groups_.clear();
  first_moment_ = Vec::Zero(x0.size());
  second_moment_ = Vec::Zero(x0.size());
  update_ = Vec::Zero(x0.size());
  step_count_ = 0;
}

// You et al. 2019, Algorithm 2 (LAMB), per layer i:
//   m_t = β1 m_{t−1} + (1 − β1) g_t;   v_t = β2 v_{t−1} + (1 − β2) g_t²
//   m̂_t = m_t / (1 − β1ᵗ);  v̂_t = v_t / (1 − β2ᵗ);  r_t = m̂_t / (√v̂_t + ε)
//   x_{t+1}⁽ⁱ⁾ = x_t⁽ⁱ⁾ − η_t · φ(‖x_t⁽ⁱ⁾‖) / ‖r_t⁽ⁱ⁾ + λ x_t⁽ⁱ⁾‖ · (r_t⁽ⁱ⁾ + λ x_t⁽ⁱ⁾)
// with φ(z) = min(z, γ_u) (the paper's φ clamps; γ_l = 0).
void Lamb::step(const StepContext& context, Vec& x) {
  if (groups_.empty())
    groups_ = parameter_groups_for(context.oracle.objective(), settings_.grouping);
  const Settings& s = settings_;
  ++step_count_;
  const Vec gradient = s.maximize ? Vec(-context.gradient) : context.gradient;
  first_moment_ = s.beta1 * first_moment_ + (1.0 - s.beta1) * gradient;
  second_moment_ = s.beta2 * second_moment_ + (1.0 - s.beta2) * gradient.cwiseAbs2();
  const double correction1 = 1.0 - std::pow(s.beta1, step_count_);
  const double correction2 = 1.0 - std::pow(s.beta2, step_count_);
  update_ = (first_moment_ / correction1).array() /
                ((second_moment_ / correction2).array().sqrt() + s.eps) +
            s.weight_decay * x.array();
  for (const ParameterGroup& group : groups_) {
    const auto update = update_.segment(group.offset, group.size());
    double weight_norm = x.segment(group.offset, group.size()).norm();
    if (s.clamp_value > 0.0) weight_norm = std::min(weight_norm, s.clamp_value);
    x.segment(group.offset, group.size()) -=
        context.learning_rate * trust_ratio(weight_norm, update.norm()) * update;
  }
}

}  // namespace lv
