#include "cli/network_setup.hpp"

#include "common/errors.hpp"
#include "nn/network_objective.hpp"
#include "nn/network_weights.hpp"

namespace lv::cli {

std::string required_value(const Arguments& arguments, const std::string& name,
                           const std::string& what) {
  const auto value = arguments.value(name);
  if (!value) throw InputError("missing --" + name + " " + what);
  return *value;
}

NetworkSetup load_network_setup(const Arguments& arguments) {
  NetworkSetup setup{Mlp(load_model_spec(required_value(arguments, "model", "SPEC.json"))),
                     load_dataset(required_value(
                         arguments, "data", "DATA (a generator NAME[:k=v,...] or a CSV file)"))};
  check_model_fits_data(setup.mlp, setup.data);
  return setup;
}

Vec load_weights_flag(const Arguments& arguments, const Mlp& mlp) {
  return load_parameters(mlp, required_value(arguments, "weights", "W.safetensors"));
}

}  // namespace lv::cli
