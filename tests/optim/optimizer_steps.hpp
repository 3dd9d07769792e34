// Shared driver for "first steps by hand" tests: runs an optimizer for a few updates on a
// reference objective and returns the iterates, so each test states only the expected numbers.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "optim/oracle.hpp"
#include "optim/registry.hpp"
#include "reference_objectives.hpp"

namespace lv::test {

struct Setting {
  const char* name;
  const char* value;
};

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

}  // namespace lv::test
