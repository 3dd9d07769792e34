// The hyperparameters a fair comparison tunes, read from an optimizer's descriptors (those marked
// tunable, and "lr" always), and the candidate settings a grid or random search tries over their
// slider ranges (log-spaced where the descriptor says log_scale).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "optim/optimizer.hpp"

namespace lv {

struct TunedParameter {
  std::string name;
  double low = 0.0, high = 1.0;  // the descriptor's slider range
  bool log_scale = false;
  bool integer = false;
};

// One candidate: a value per tuned parameter, in the order of tuned_parameters().
using TuningSetting = std::vector<double>;

std::vector<TunedParameter> tuned_parameters(const Optimizer& optimizer);

// Every combination of `points_per_parameter` values per parameter (evenly spaced, in log space
// for log-scale parameters, both ends included). Throws InputError when the grid would exceed
// `max_settings` or points_per_parameter < 2.
std::vector<TuningSetting> grid_settings(const std::vector<TunedParameter>& parameters,
                                         int points_per_parameter, int max_settings = 100000);
// `count` settings drawn uniformly (log-uniformly for log-scale parameters), seeded.
std::vector<TuningSetting> random_settings(const std::vector<TunedParameter>& parameters, int count,
                                           uint64_t seed);

// Applies a setting to an optimizer (validated by its descriptors).
void apply_setting(Optimizer& optimizer, const std::vector<TunedParameter>& parameters,
                   const TuningSetting& setting);

}  // namespace lv
