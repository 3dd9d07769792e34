#include "optim/adam_moments.hpp"

namespace lv {

AdamSettings read_adam_settings(const HyperParameters& parameters) {
  return {parameters.get("beta1"), parameters.get("beta2"), parameters.get("eps"),
          weight_decay_from(parameters), parameters.flag("maximize")};
}

void AdamMoments::reset(Eigen::Index size) {
  step_count_ = 0;
  direction_ = Vec::Zero(size);
  first_moment_ = Vec::Zero(size);
  second_moment_ = Vec::Zero(size);
}

void AdamMoments::advance(const AdamSettings& settings, const StepContext& context, Vec& x) {
  ++step_count_;
  signed_gradient(context.gradient, settings.maximize, direction_);
  apply_weight_decay(settings.weight_decay, context.learning_rate, x, direction_);
  update_first_moment(first_moment_, direction_, settings.beta1);
  update_second_moment(second_moment_, direction_, settings.beta2);
}

void AdamMoments::visit_state(const std::function<void(Vec&)>& visit) {
  visit(first_moment_);
  visit(second_moment_);
}

}  // namespace lv
