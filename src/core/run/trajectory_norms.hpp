// The norms logged beside every run (docs/precision.md §Logging): parameter norm ‖x_k‖, the
// effective learning rate ‖x_k − x_{k−1}‖/‖∇f(x_{k−1})‖ (what the step really was per unit of
// gradient, whatever the method) and the update/parameter ratio ‖x_k − x_{k−1}‖/‖x_{k−1}‖
// (≈1e-3 is the usual rule of thumb for a healthy network). Derived from the recorded columns.
#pragma once

#include "run/trajectory.hpp"

namespace lv {

// ‖x‖₂ at `row`.
double parameter_norm(const Trajectory& trajectory, int row);
// update_norm[row] / gradient_norm[row − 1]; 0 at row 0 and where that gradient is 0.
double effective_learning_rate(const Trajectory& trajectory, int row);
// update_norm[row] / ‖x_{row−1}‖; 0 at row 0 and where that point is 0.
double update_to_parameter_ratio(const Trajectory& trajectory, int row);

}  // namespace lv
