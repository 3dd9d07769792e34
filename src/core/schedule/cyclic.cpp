#include "schedule/cyclic.hpp"

#include <cmath>
#include <limits>

namespace lv {

namespace {
constexpr double k_infinity = std::numeric_limits<double>::infinity();
}  // namespace

CyclicSchedule::CyclicSchedule()
    : Schedule(
          "cyclic",
          {real_parameter("base_lr", 1e-3, 1e-5, 1.0, 0.0, k_infinity, true,
                          "lower lr of the cycle; replaces the optimizer's lr (required by "
                          "PyTorch; default 1e-3 chosen for the 2D test surfaces)"),
           real_parameter("max_lr", 1e-2, 1e-5, 1.0, 0.0, k_infinity, true,
                          "upper lr of the cycle (required by PyTorch; default 1e-2 chosen for "
                          "the 2D test surfaces)"),
           integer_parameter("step_size_up", 2000, 1, 1000, 1, k_max_schedule_steps,
                             "steps in the increasing half of a cycle (PyTorch default 2000; try "
                             "~100 for a 1000-step run)"),
           integer_parameter("step_size_down", 0, 0, 1000, 0, k_max_schedule_steps,
                             "steps in the decreasing half (0: same as step_size_up, PyTorch's "
                             "None)"),
           choice_parameter("mode", {"triangular", "triangular2", "exp_range"}, 0,
                            "amplitude per cycle: constant, halved each cycle, or gamma^step"),
           real_parameter("gamma", 1.0, 0.99, 1.0, 0.0, k_infinity, false,
                          "exp_range: amplitude factor gamma^step (> 0)")}) {}

void CyclicSchedule::validate_settings() const {
  require_positive("gamma");
}

// CyclicLR.get_lr (PyTorch), with scale_mode fixed by the mode as PyTorch does for the built-in
// modes (cycle for triangular/triangular2, iterations for exp_range):
//   cycle = ⌊1 + t/total⌋,  x = 1 + t/total − cycle,  total = up + down,  ratio = up/total
//   scale = x/ratio on the way up, (x − 1)/(ratio − 1) on the way down
//   lr = base_lr + (max_lr − base_lr)·scale·{1, 1/2^(cycle − 1), gamma^t}
double CyclicSchedule::scheduled_learning_rate(int step, double) const {
  const HyperParameters& p = hyperparameters();
  const double step_size_up = p.get("step_size_up");
  const double step_size_down =
      p.integer("step_size_down") == 0 ? step_size_up : p.get("step_size_down");
  const double total_size = step_size_up + step_size_down;
  const double step_ratio = step_size_up / total_size;
  const double cycle = std::floor(1 + step / total_size);
  const double x = 1.0 + step / total_size - cycle;
  const double scale_factor = x <= step_ratio ? x / step_ratio : (x - 1) / (step_ratio - 1);

  const std::string& mode = p.choice("mode");
  double amplitude = 1.0;
  if (mode == "triangular2") amplitude = 1 / std::pow(2.0, cycle - 1);
  if (mode == "exp_range") amplitude = std::pow(p.get("gamma"), step);

  const double base_lr = p.get("base_lr");
  const double base_height = (p.get("max_lr") - base_lr) * scale_factor;
  return base_lr + base_height * amplitude;
}

}  // namespace lv
