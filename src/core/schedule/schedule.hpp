// lv::Schedule: a learning-rate schedule. learning_rate(t, base_lr) is the lr used by the update
// after t scheduler steps, i.e. update k (1-based) uses t = k − 1, exactly as a training loop that
// calls optimizer.step() then scheduler.step() sees torch.optim.lr_scheduler.
// base_lr is the optimizer's "lr" hyperparameter (some schedules, e.g. cyclic, set their own).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "params/hyperparameter.hpp"

namespace lv {

class Schedule {
 public:
  Schedule(std::string name, std::vector<HyperParameter> descriptors);
  virtual ~Schedule() = default;

  const std::string& name() const { return name_; }
  HyperParameters& hyperparameters() { return hyperparameters_; }
  const HyperParameters& hyperparameters() const { return hyperparameters_; }

  // Throws InputError for an inconsistent configuration (checked before a run starts).
  virtual void validate() const {}
  virtual double learning_rate(int step, double base_lr) const = 0;

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
