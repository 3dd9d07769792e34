#include "optim/simulated_annealing.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace lv {

SimulatedAnnealing::SimulatedAnnealing()
    : DerivativeFreeOptimizer(
          "simulated_annealing",
          {real_parameter("step_size", 0.5, 1e-3, 5.0, 0.0, std::numeric_limits<double>::infinity(),
                          true,
                          "standard deviation of the Gaussian proposal x' = x + step_size·N(0, I)"),
           real_parameter("initial_temperature", 1.0, 1e-3, 100.0, 1e-300,
                          std::numeric_limits<double>::infinity(), true, "T0"),
           choice_parameter("temperature_schedule", {"exponential", "logarithmic", "fast"}, 0,
                            "T_k = T0·cooling^k | T0/ln(k + e) | T0/(1 + k)"),
           real_parameter("cooling", 0.99, 0.8, 0.9999, 0.0, just_below_one(), false,
                          "factor of the exponential schedule"),
           seed_parameter()}) {}

void SimulatedAnnealing::reset(const Vec& x0) {
  reset_search(x0);
  const HyperParameters& p = hyperparameters();
  step_size_ = p.get("step_size");
  initial_temperature_ = p.get("initial_temperature");
  cooling_ = p.get("cooling");
  schedule_ = p.choice("temperature_schedule");
  proposals_ = 0;
}

double SimulatedAnnealing::temperature(int k) const {
  if (schedule_ == "logarithmic") return initial_temperature_ / std::log(k + std::numbers::e);
  if (schedule_ == "fast") return initial_temperature_ / (1.0 + k);
  return initial_temperature_ * std::pow(cooling_, k);
}

void SimulatedAnnealing::step(const StepContext& context, Vec& x) {
  if (evaluations().empty()) current_value_ = context.value;
  start_if_needed(context, x);
  std::normal_distribution<double> normal(0.0, 1.0);
  Vec proposal(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) proposal[i] = x[i] + step_size_ * normal(generator());
  const double value = evaluate(context.oracle, proposal);
  const double increase = value - current_value_;
  const double temperature_now = temperature(proposals_++);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // Metropolis: always accept a decrease; accept an increase with probability exp(−Δ/T).
  if (increase <= 0.0 || unit(generator()) < std::exp(-increase / temperature_now)) {
    x = proposal;
    current_value_ = value;
  }
}

}  // namespace lv
