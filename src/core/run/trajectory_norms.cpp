#include "run/trajectory_norms.hpp"

namespace lv {

namespace {

double ratio_or_zero(double numerator, double denominator) {
  return denominator > 0.0 ? numerator / denominator : 0.0;
}

}  // namespace

double parameter_norm(const Trajectory& trajectory, int row) {
  return trajectory.x(row).norm();
}

double effective_learning_rate(const Trajectory& trajectory, int row) {
  if (row == 0) return 0.0;
  return ratio_or_zero(trajectory.update_norm[row], trajectory.gradient_norm[row - 1]);
}

double update_to_parameter_ratio(const Trajectory& trajectory, int row) {
  if (row == 0) return 0.0;
  return ratio_or_zero(trajectory.update_norm[row], parameter_norm(trajectory, row - 1));
}

}  // namespace lv
