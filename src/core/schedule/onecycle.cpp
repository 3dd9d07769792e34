#include "schedule/onecycle.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "common/errors.hpp"

namespace lv {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

struct Phase {
  double end_step;  // the phase's last step (fractional, as PyTorch computes it)
  double start_lr;
  double end_lr;
};

// OneCycleLR._annealing_cos / _annealing_linear: from start (pct = 0) to end (pct = 1).
double anneal(double start, double end, double pct, bool cosine) {
  if (cosine) return end + (start - end) / 2.0 * (std::cos(std::numbers::pi * pct) + 1);
  return (end - start) * pct + start;
}

}  // namespace

OneCycleSchedule::OneCycleSchedule()
    : Schedule("onecycle",
               {real_parameter("max_lr", 1e-2, 1e-5, 1.0, 0.0, k_infinity, true,
                               "peak lr; replaces the optimizer's lr (required by PyTorch; default "
                               "1e-2 chosen for the 2D test surfaces)"),
                integer_parameter("total_steps", 1000, 1, 5000, 1, k_max_schedule_steps,
                                  "steps in the cycle (required by PyTorch; default 1000); the lr "
                                  "stays at its final value afterwards"),
                real_parameter("pct_start", 0.3, 0.0, 1.0, 0.0, 1.0, false,
                               "fraction of the cycle spent increasing the lr"),
                choice_parameter("anneal_strategy", {"cos", "linear"}, 0, "annealing shape"),
                real_parameter("div_factor", 25.0, 1.0, 100.0, 0.0, k_infinity, true,
                               "initial lr = max_lr/div_factor"),
                real_parameter("final_div_factor", 1e4, 1.0, 1e5, 0.0, k_infinity, true,
                               "minimum lr = initial lr/final_div_factor"),
                boolean_parameter("three_phase", false,
                                  "three phases (up, back down to the initial lr, then to the "
                                  "minimum) as in the original paper")}) {}

// PyTorch divides by the first phase's length pct_start·total_steps − 1 at step 0.
void OneCycleSchedule::validate_settings() const {
  require_positive("div_factor");
  require_positive("final_div_factor");
  const HyperParameters& p = hyperparameters();
  if (p.get("pct_start") * p.integer("total_steps") - 1 == 0.0) {
    throw InputError(
        "onecycle: pct_start·total_steps = 1 leaves the warm-up phase no length (it must differ "
        "from 1)");
  }
}

// OneCycleLR.get_lr (PyTorch): phases end at steps pct_start·total − 1, (three_phase:
// 2·pct_start·total − 2,) total − 1; the step's phase is the first whose end it does not exceed
// (or the last), and the lr anneals from the phase's start lr to its end lr with
// pct = (t − previous end)/(end − previous end), the first phase starting at step 0.
double OneCycleSchedule::scheduled_learning_rate(int step, double) const {
  const HyperParameters& p = hyperparameters();
  const int total_steps = p.integer("total_steps");
  const double pct_start = p.get("pct_start");
  const double max_lr = p.get("max_lr");
  const double initial_lr = max_lr / p.get("div_factor");
  const double min_lr = initial_lr / p.get("final_div_factor");

  std::vector<Phase> phases;
  if (p.flag("three_phase")) {
    phases = {{pct_start * total_steps - 1, initial_lr, max_lr},
              {2 * pct_start * total_steps - 2, max_lr, initial_lr},
              {total_steps - 1.0, initial_lr, min_lr}};
  } else {
    phases = {{pct_start * total_steps - 1, initial_lr, max_lr},
              {total_steps - 1.0, max_lr, min_lr}};
  }
  const bool cosine = p.choice("anneal_strategy") == "cos";
  const double t = std::min(step, total_steps - 1);
  double start_step = 0.0;
  size_t index = 0;
  while (index + 1 < phases.size() && t > phases[index].end_step) {
    start_step = phases[index].end_step;
    ++index;
  }
  const Phase& phase = phases[index];
  const double pct = (t - start_step) / (phase.end_step - start_step);
  return anneal(phase.start_lr, phase.end_lr, pct, cosine);
}

}  // namespace lv
