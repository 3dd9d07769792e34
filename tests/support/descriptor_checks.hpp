// Checks every registry's hyperparameter descriptors must pass (optimizers, schedules): a help
// text, a default inside the valid range, a slider range that is not inverted, a choice default
// that names a choice. Used by the registry sweeps in tests/optim and tests/schedule.
#pragma once

#include <doctest/doctest.h>

#include <cmath>

#include "params/hyperparameter.hpp"

namespace lv::test {

inline void check_descriptor(const HyperParameter& descriptor) {
  CAPTURE(descriptor.name);
  CHECK(!descriptor.name.empty());
  CHECK(!descriptor.help.empty());
  CHECK(descriptor.valid_min <= descriptor.valid_max);
  CHECK(descriptor.slider_min <= descriptor.slider_max);
  switch (descriptor.kind) {
    case ParameterKind::Real:
    case ParameterKind::Integer:
      CHECK(!std::isnan(descriptor.default_value));
      CHECK(descriptor.default_value >= descriptor.valid_min);
      CHECK(descriptor.default_value <= descriptor.valid_max);
      if (descriptor.kind == ParameterKind::Integer) {
        CHECK(descriptor.default_value == std::round(descriptor.default_value));
      }
      if (descriptor.log_scale) CHECK(descriptor.slider_min > 0.0);  // log of a positive range
      break;
    case ParameterKind::Boolean:
      CHECK((descriptor.default_value == 0.0 || descriptor.default_value == 1.0));
      break;
    case ParameterKind::Choice:
      REQUIRE(!descriptor.choices.empty());
      CHECK(descriptor.default_value >= 0.0);
      CHECK(descriptor.default_value < static_cast<double>(descriptor.choices.size()));
      break;
    case ParameterKind::List:
      for (double value : descriptor.default_list) {
        CHECK(value >= descriptor.valid_min);
        CHECK(value <= descriptor.valid_max);
      }
      break;
  }
}

// Every descriptor passes check_descriptor, names are unique, and the set holds its defaults
// (reading each value back as text and setting it again is accepted: the default is valid).
inline void check_descriptors(HyperParameters& parameters) {
  const std::vector<HyperParameter> descriptors = parameters.descriptors();
  for (size_t i = 0; i < descriptors.size(); ++i) {
    check_descriptor(descriptors[i]);
    for (size_t j = 0; j < i; ++j) CHECK(descriptors[i].name != descriptors[j].name);
    if (descriptors[i].kind != ParameterKind::List) {
      CHECK(parameters.get(descriptors[i].name) == descriptors[i].default_value);
    }
    CHECK_NOTHROW(
        parameters.set_from_text(descriptors[i].name, parameters.to_text(descriptors[i].name)));
  }
}

}  // namespace lv::test
