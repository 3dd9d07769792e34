// Shared driver for "first steps by hand" tests: runs an optimizer for a few updates on a
// reference objective and returns the iterates, so each test states only the expected numbers.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "optim/oracle.hpp"
#include "optim/registry.hpp"
#include "optimizer_settings.hpp"
#include "reference_objectives.hpp"

namespace lv::test {

inline std::vector<Vec> first_iterates(const char* optimizer_name, std::vector<Setting> settings,
                                       const Objective& objective, const Vec& x0, int steps) {
  std::unique_ptr<Optimizer> optimizer = make_optimizer(optimizer_name);
  for (const Setting& s : settings) optimizer->hyperparameters().set_from_text(s.name, s.value);
  optimizer->reset(x0);
  Oracle oracle(objective);
  std::vector<Vec> iterates;
  Vec x = x0;
  Vec gradient;
  for (int k = 0; k < steps; ++k) {
    const double value = objective.value_gradient(x, gradient);
    optimizer->step(StepContext{gradient, value, optimizer->base_learning_rate(), oracle}, x);
    iterates.push_back(x);
  }
  return iterates;
}

inline void check_iterate(const Vec& actual, std::vector<double> expected, double epsilon = 1e-12) {
  REQUIRE(actual.size() == static_cast<Eigen::Index>(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i) {
    CHECK(actual[static_cast<Eigen::Index>(i)] == doctest::Approx(expected[i]).epsilon(epsilon));
  }
}

// Reference iterates for a coordinate-wise method on f = ½·Σ d_i·x_i²: each coordinate moves on
// its own with gradient d_i·x_i, so a scalar transcription of the method's pseudo-code, one copy
// per coordinate, gives the exact iterates without any code under test.
// ScalarRule: copyable, with `double step(double x, double gradient)` returning the new x.
template <typename ScalarRule>
std::vector<Vec> separable_reference(const Vec& curvature, const Vec& x0, int steps,
                                     const ScalarRule& rule) {
  std::vector<Vec> iterates(static_cast<size_t>(steps), Vec(x0.size()));
  for (Eigen::Index i = 0; i < x0.size(); ++i) {
    ScalarRule coordinate = rule;
    double x = x0[i];
    for (int k = 0; k < steps; ++k) {
      x = coordinate.step(x, curvature[i] * x);
      iterates[static_cast<size_t>(k)][i] = x;
    }
  }
  return iterates;
}

inline void check_iterates(const std::vector<Vec>& actual, const std::vector<Vec>& expected,
                           double epsilon = 1e-12) {
  REQUIRE(actual.size() == expected.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(k);
    check_iterate(actual[k],
                  std::vector<double>(expected[k].data(), expected[k].data() + expected[k].size()),
                  epsilon);
  }
}

// Scalar transcriptions of the lines the torch.optim docs' algorithms share, for the references:
// g ← −g if maximize; then θ ← θ(1 − γλ) when the decay is decoupled, else g ← g + λθ.
inline double decayed_gradient(double& x, double g, double lr, double weight_decay, bool decoupled,
                               bool maximize) {
  if (maximize) g = -g;
  if (decoupled) {
    x *= 1.0 - lr * weight_decay;
    return g;
  }
  return g + weight_decay * x;
}

// m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g².
inline void update_moments(double& m, double& v, double g, double beta1, double beta2) {
  m = beta1 * m + (1.0 - beta1) * g;
  v = beta2 * v + (1.0 - beta2) * g * g;
}

// The bowl of the first-steps tests: f = ½(x² + 10y²) from (1, 1), so ∇f = (x, 10y).
inline const Vec k_bowl_curvature{{1.0, 10.0}};
inline const Vec k_bowl_start{{1.0, 1.0}};

// Runs `optimizer_name` with `settings` on the bowl and checks its first `steps` iterates against
// the scalar reference `rule`; returns the iterates for further hand checks.
template <typename ScalarRule>
std::vector<Vec> check_against_reference(const char* optimizer_name, std::vector<Setting> settings,
                                         const ScalarRule& rule, int steps = 3) {
  const DiagonalQuadratic bowl(k_bowl_curvature);
  const std::vector<Vec> actual =
      first_iterates(optimizer_name, std::move(settings), bowl, k_bowl_start, steps);
  check_iterates(actual, separable_reference(k_bowl_curvature, k_bowl_start, steps, rule));
  return actual;
}

}  // namespace lv::test
