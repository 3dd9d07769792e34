#include "schedule/polynomial.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lv {

PolynomialSchedule::PolynomialSchedule()
    : Schedule("polynomial",
               {integer_parameter("total_iters", 5, 1, 1000, 1, k_max_schedule_steps,
                                  "steps over which the lr decays to 0 (PyTorch default 5)"),
                real_parameter("power", 1.0, 0.0, 5.0, 0.0, std::numeric_limits<double>::infinity(),
                               false, "power of the polynomial")}) {}

// PolynomialLR closed form (PyTorch): base_lr · (1 − min(total_iters, t)/total_iters)^power;
// from t = total_iters on the factor is 0^power = 0 (1 when power = 0, as in Python).
double PolynomialSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const int total_iters = hyperparameters().integer("total_iters");
  const double remaining = 1.0 - static_cast<double>(std::min(total_iters, step)) / total_iters;
  return base_lr * std::pow(remaining, hyperparameters().get("power"));
}

}  // namespace lv
