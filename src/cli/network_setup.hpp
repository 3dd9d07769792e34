// What the network subcommands (train, landscape, spectrum) share: reading --model, --data and
// --weights into a model, a data set and a parameter vector, with errors naming the flag.
#pragma once

#include <string>

#include "cli/arguments.hpp"
#include "nn/dataset.hpp"
#include "nn/mlp.hpp"

namespace lv::cli {

// Throws InputError("missing --name ...") when the flag is absent.
std::string required_value(const Arguments& arguments, const std::string& name,
                           const std::string& what);

struct NetworkSetup {
  Mlp mlp;
  Dataset data;
};

// Reads --model and --data and checks they fit together.
NetworkSetup load_network_setup(const Arguments& arguments);
// Reads --weights for the model.
Vec load_weights_flag(const Arguments& arguments, const Mlp& mlp);

}  // namespace lv::cli
