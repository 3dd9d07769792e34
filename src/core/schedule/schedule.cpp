#include "schedule/schedule.hpp"

#include <cassert>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

namespace {

std::vector<HyperParameter> with_warmup(std::vector<HyperParameter> descriptors) {
  descriptors.push_back(integer_parameter(
      "warmup_iters", 0, 0, 200, 0, k_max_schedule_steps,
      "linear warmup steps before the schedule starts (0: off), as SequentialLR([LinearLR, "
      "schedule], milestones=[warmup_iters])"));
  descriptors.push_back(real_parameter(
      "warmup_start_factor", 0.0, 0.0, 1.0, 0.0, 1.0, false,
      "warmup's first lr as a fraction of lr (LinearLR's start_factor; 0 is allowed here)"));
  return descriptors;
}

}  // namespace

Schedule::Schedule(std::string name, std::vector<HyperParameter> descriptors)
    : name_(std::move(name)), hyperparameters_(with_warmup(std::move(descriptors))) {}

void Schedule::validate() const {
  validate_settings();
}

// Warmup = LinearLR(start_factor=sf, end_factor=1, total_iters=W) in closed form
// (torch.optim.lr_scheduler.LinearLR: base_lr·(sf + (end − sf)·min(W, t)/W)); from t = W on,
// SequentialLR hands over to the schedule restarted at its step 0.
double Schedule::learning_rate(int step, double base_lr) const {
  assert(step >= 0 && "Schedule::learning_rate: step must be >= 0");
  const int warmup_iters = hyperparameters_.integer("warmup_iters");
  if (step >= warmup_iters) return scheduled_learning_rate(step - warmup_iters, base_lr);
  const double start_factor = hyperparameters_.get("warmup_start_factor");
  return base_lr * (start_factor + (1.0 - start_factor) * step / warmup_iters);
}

void Schedule::require_positive(std::string_view parameter) const {
  const double value = hyperparameters_.get(parameter);
  if (value > 0.0) return;
  throw InputError(name_ + ": " + std::string(parameter) + " must be > 0 (got " +
                   format_exact(value) + ")");
}

}  // namespace lv
