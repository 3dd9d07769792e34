#include "schedule/cosine.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace lv {

CosineSchedule::CosineSchedule()
    : Schedule(
          "cosine",
          {integer_parameter("T_max", 1000, 1, 2000, 1, k_max_schedule_steps,
                             "steps of half a cosine period (required by PyTorch; default "
                             "1000 matches a ~1000-step run)"),
           real_parameter("eta_min", 0.0, 0.0, 0.01, 0.0, std::numeric_limits<double>::infinity(),
                          false, "minimum learning rate")}) {}

// CosineAnnealingLR closed form (PyTorch docs, from SGDR, Loshchilov & Hutter 2017, eq. 5):
//   eta_min + (base_lr − eta_min)·(1 + cos(π·t/T_max))/2.
// PyTorch steps a recursive form that equals this within rounding, including beyond T_max where
// the cosine simply continues (rising again towards base_lr at 2·T_max).
double CosineSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const double eta_min = hyperparameters().get("eta_min");
  const int t_max = hyperparameters().integer("T_max");
  return eta_min + (base_lr - eta_min) * (1 + std::cos(std::numbers::pi * step / t_max)) / 2;
}

}  // namespace lv
