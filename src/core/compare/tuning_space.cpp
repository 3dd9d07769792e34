#include "compare/tuning_space.hpp"

#include <cmath>
#include <random>

#include "common/errors.hpp"

namespace lv {

namespace {

double from_unit(const TunedParameter& parameter, double u) {
  const double value = parameter.log_scale && parameter.low > 0.0
                           ? std::exp(std::log(parameter.low) +
                                      u * (std::log(parameter.high) - std::log(parameter.low)))
                           : parameter.low + u * (parameter.high - parameter.low);
  return parameter.integer ? std::round(value) : value;
}

}  // namespace

std::vector<TunedParameter> tuned_parameters(const Optimizer& optimizer) {
  std::vector<TunedParameter> parameters;
  for (const HyperParameter& descriptor : optimizer.hyperparameters().descriptors()) {
    const bool numeric =
        descriptor.kind == ParameterKind::Real || descriptor.kind == ParameterKind::Integer;
    if (!numeric || !(descriptor.tunable || descriptor.name == "lr")) continue;
    parameters.push_back({descriptor.name, descriptor.slider_min, descriptor.slider_max,
                          descriptor.log_scale, descriptor.kind == ParameterKind::Integer});
  }
  return parameters;
}

std::vector<TuningSetting> grid_settings(const std::vector<TunedParameter>& parameters,
                                         int points_per_parameter, int max_settings) {
  if (points_per_parameter < 2)
    throw InputError("a tuning grid needs at least 2 points per parameter");
  double total = 1.0;
  for (size_t k = 0; k < parameters.size(); ++k) total *= points_per_parameter;
  if (total > max_settings) {
    throw InputError("the tuning grid has " + std::to_string(static_cast<long long>(total)) +
                     " settings (more than " + std::to_string(max_settings) +
                     "); use fewer grid points or random search");
  }
  std::vector<TuningSetting> settings(1);
  for (const TunedParameter& parameter : parameters) {
    std::vector<TuningSetting> extended;
    for (const TuningSetting& partial : settings) {
      for (int i = 0; i < points_per_parameter; ++i) {
        TuningSetting setting = partial;
        setting.push_back(
            from_unit(parameter, static_cast<double>(i) / (points_per_parameter - 1)));
        extended.push_back(std::move(setting));
      }
    }
    settings = std::move(extended);
  }
  return settings;
}

std::vector<TuningSetting> random_settings(const std::vector<TunedParameter>& parameters, int count,
                                           uint64_t seed) {
  if (count < 1) throw InputError("random search needs at least 1 trial");
  std::mt19937_64 generator(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<TuningSetting> settings;
  for (int trial = 0; trial < count; ++trial) {
    TuningSetting setting;
    for (const TunedParameter& parameter : parameters)
      setting.push_back(from_unit(parameter, unit(generator)));
    settings.push_back(std::move(setting));
  }
  return settings;
}

void apply_setting(Optimizer& optimizer, const std::vector<TunedParameter>& parameters,
                   const TuningSetting& setting) {
  for (size_t k = 0; k < parameters.size(); ++k)
    optimizer.hyperparameters().set(parameters[k].name, setting[k]);
}

}  // namespace lv
