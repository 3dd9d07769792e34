// lv::Schedule: a learning-rate schedule. learning_rate(t, base_lr) is the lr used by the update
// after t scheduler steps, i.e. update k (1-based) uses t = k − 1, exactly as a training loop that
// calls optimizer.step() then scheduler.step() sees torch.optim.lr_scheduler.
// base_lr is the optimizer's "lr" hyperparameter (some schedules, e.g. cyclic, set their own).
// Every schedule also carries an optional linear warmup (warmup_iters, warmup_start_factor),
// implemented once here.
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "params/hyperparameter.hpp"

namespace lv {

// Upper bound for step-count hyperparameters (T_max, total_steps, ...): any int.
inline constexpr int k_max_schedule_steps = std::numeric_limits<int>::max();

class Schedule {
 public:
  // `descriptors` are the schedule's own settings; the warmup descriptors are appended.
  Schedule(std::string name, std::vector<HyperParameter> descriptors);
  virtual ~Schedule() = default;

  const std::string& name() const { return name_; }
  HyperParameters& hyperparameters() { return hyperparameters_; }
  const HyperParameters& hyperparameters() const { return hyperparameters_; }

  // Throws InputError for an inconsistent configuration (checked before a run starts;
  // learning_rate() assumes a validated configuration).
  void validate() const;

  // The lr after `step` (>= 0) scheduler steps. With warmup_iters = W > 0 this is
  //   SequentialLR([LinearLR(start_factor=warmup_start_factor, end_factor=1, total_iters=W),
  //                 schedule], milestones=[W]):
  //   t < W: base_lr·(sf + (1 − sf)·t/W);   t >= W: the schedule at t − W.
  double learning_rate(int step, double base_lr) const;

 protected:
  // The schedule itself, without warmup, at step >= 0.
  virtual double scheduled_learning_rate(int step, double base_lr) const = 0;
  // Checks that span several settings (single-value ranges are enforced by the descriptors).
  virtual void validate_settings() const {}

  // Throws InputError "<schedule>: <parameter> must be > 0" unless the value is positive.
  void require_positive(std::string_view parameter) const;

 private:
  std::string name_;
  HyperParameters hyperparameters_;
};

struct ScheduleInfo {
  std::string name;
  std::string summary;
  std::function<std::unique_ptr<Schedule>()> make;
};

const std::vector<ScheduleInfo>& schedule_registry();
// Throws InputError naming the unknown schedule and the closest known name.
std::unique_ptr<Schedule> make_schedule(std::string_view name);

}  // namespace lv
