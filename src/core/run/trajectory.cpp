#include "run/trajectory.hpp"

namespace lv {

const char* status_name(RunStatus status) {
  switch (status) {
    case RunStatus::Running:
      return "running";
    case RunStatus::Converged:
      return "converged";
    case RunStatus::Diverged:
      return "diverged";
    case RunStatus::MaxSteps:
      return "max_steps";
  }
  return "?";
}

void Trajectory::reserve(int rows) {
  positions.reserve(static_cast<size_t>(rows) * dim_);
  loss.reserve(rows);
  gradient_norm.reserve(rows);
  update_norm.reserve(rows);
  learning_rate.reserve(rows);
  function_evaluations.reserve(rows);
}

void Trajectory::append(const Vec& point, double loss_value, double gradient_norm_value,
                        double update_norm_value, double learning_rate_value, long evaluations) {
  positions.insert(positions.end(), point.data(), point.data() + point.size());
  loss.push_back(loss_value);
  gradient_norm.push_back(gradient_norm_value);
  update_norm.push_back(update_norm_value);
  learning_rate.push_back(learning_rate_value);
  function_evaluations.push_back(evaluations);
}

}  // namespace lv
