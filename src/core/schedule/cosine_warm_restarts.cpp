#include "schedule/cosine_warm_restarts.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace lv {

CosineWarmRestartsSchedule::CosineWarmRestartsSchedule()
    : Schedule(
          "cosine_warm_restarts",
          {integer_parameter("T_0", 200, 1, 1000, 1, k_max_schedule_steps,
                             "steps until the first restart (required by PyTorch; default "
                             "200 gives several cycles in a ~1000-step run)"),
           integer_parameter("T_mult", 1, 1, 4, 1, k_max_schedule_steps,
                             "factor by which the cycle length grows after each restart"),
           real_parameter("eta_min", 0.0, 0.0, 0.01, 0.0, std::numeric_limits<double>::infinity(),
                          false, "minimum learning rate")}) {}

// SGDR (Loshchilov & Hutter 2017, eq. 5) as CosineAnnealingWarmRestarts steps it:
//   eta_min + (base_lr − eta_min)·(1 + cos(π·T_cur/T_i))/2,
// T_cur = steps since the last restart, T_i = current cycle length (T_0·T_mult^i). Found here by
// exact integer arithmetic instead of PyTorch's floating-point log for epoch arguments.
double CosineWarmRestartsSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const HyperParameters& p = hyperparameters();
  const int64_t t_0 = p.integer("T_0");
  const int64_t t_mult = p.integer("T_mult");
  int64_t t_cur = step;
  int64_t t_i = t_0;
  if (t_mult == 1) {
    t_cur %= t_0;
  } else {
    while (t_cur >= t_i) {  // at most ~31 cycles before T_i exceeds any int step
      t_cur -= t_i;
      t_i *= t_mult;
    }
  }
  const double eta_min = p.get("eta_min");
  return eta_min + (base_lr - eta_min) *
                       (1 + std::cos(std::numbers::pi * static_cast<double>(t_cur) /
                                     static_cast<double>(t_i))) /
                       2;
}

}  // namespace lv
