// lv::DerivativeFreeOptimizer: common ground of the search methods (grid, random, simulated
// annealing, CMA-ES, Nelder–Mead, Bayesian optimization). They evaluate f only through
// Oracle::value, so the runner's evaluation column counts every evaluation and they compare with
// gradient methods by evaluations. Each step() makes the method's next batch of evaluations and
// moves x to the point it shows (best so far, the simplex's best vertex, the CMA-ES mean, or the
// annealing chain's state); every evaluated point is kept for drawing.
#pragma once

#include <random>
#include <vector>

#include "optim/optimizer.hpp"

namespace lv {

// A point the search evaluated and its value. (Named apart from nn's lv::Evaluation: two types
// of one name in one namespace break the one-definition rule, and the linker then shares
// std::vector code between them — a heap overflow in Debug builds, scripts/check_type_names.py.)
struct SearchPoint {
  Vec point;
  double value;
};

class DerivativeFreeOptimizer : public Optimizer {
 public:
  const std::vector<SearchPoint>& evaluations() const { return evaluations_; }
  const Vec& best_point() const { return best_point_; }
  double best_value() const { return best_value_; }

 protected:
  DerivativeFreeOptimizer(std::string name, std::vector<HyperParameter> descriptors);

  // Clears the record and reseeds the generator from `seed`; the start point counts as evaluated
  // (the runner has its value) once the first step calls start_if_needed().
  void reset_search(const Vec& x0);
  void start_if_needed(const StepContext& context, const Vec& x);
  // f(point) through the oracle; a non-finite value is recorded as +∞ (worse than anything).
  double evaluate(Oracle& oracle, const Vec& point);
  std::mt19937_64& generator() { return generator_; }

  // The search box from the list settings `lower`/`upper` (one value: every coordinate).
  // Throws InputError for a wrong length or lower >= upper.
  void read_box(int dimension);
  const Vec& lower() const { return lower_; }
  const Vec& upper() const { return upper_; }
  Vec uniform_in_box();

 private:
  void record(const Vec& point, double value);

  std::vector<SearchPoint> evaluations_;
  Vec best_point_, lower_, upper_;
  double best_value_ = 0.0;
  bool started_ = false;
  std::mt19937_64 generator_;
};

HyperParameter seed_parameter();
// `lower` and `upper`: the search box (default [-5, 5] per coordinate).
HyperParameter lower_bound_parameter();
HyperParameter upper_bound_parameter();

}  // namespace lv
