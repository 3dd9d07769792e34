#include "optim/run_label.hpp"

#include <cstdio>

namespace lv {

std::string run_label(const Optimizer& optimizer) {
  const HyperParameters& parameters = optimizer.hyperparameters();
  std::string settings;
  for (const HyperParameter& descriptor : parameters.descriptors()) {
    const bool changed = descriptor.kind == ParameterKind::List
                             ? parameters.list(descriptor.name) != descriptor.default_list
                             : parameters.get(descriptor.name) != descriptor.default_value;
    if (descriptor.name != "lr" && !changed) continue;
    std::string value = parameters.to_text(descriptor.name);
    if (descriptor.kind == ParameterKind::Real) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.4g", parameters.get(descriptor.name));
      value = buffer;
    }
    settings += (settings.empty() ? "" : ", ") + descriptor.name + "=" + value;
  }
  return settings.empty() ? optimizer.name() : optimizer.name() + " (" + settings + ")";
}

}  // namespace lv
