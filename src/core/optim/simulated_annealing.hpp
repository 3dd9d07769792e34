// Simulated annealing (Kirkpatrick, Gelatt & Vecchi 1983) with Gaussian proposals and the
// Metropolis rule: accept x' with probability min(1, exp(−(f(x') − f(x))/T_k)). Temperature
// schedules: exponential T0·cooling^k, logarithmic T0/ln(k + e) (Geman & Geman 1984) and fast
// T0/(1 + k) (Szu & Hartley 1987). x shows the chain's current state (the best point so far is
// kept in best_point()).
#pragma once

#include "optim/derivative_free.hpp"

namespace lv {

class SimulatedAnnealing final : public DerivativeFreeOptimizer {
 public:
  SimulatedAnnealing();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  // T_k for the k-th proposal (k = 0 first).
  double temperature(int k) const;

 private:
  double step_size_ = 0.0, initial_temperature_ = 0.0, cooling_ = 0.0;
  std::string schedule_;
  int proposals_ = 0;
  double current_value_ = 0.0;
};

}  // namespace lv
