// The list of optimizers known by name: the CLI (`list optimizers`, --optimizer), the GUI's
// "add optimizer" menu and scenes all create optimizers through it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "optim/optimizer.hpp"

namespace lv {

struct OptimizerInfo {
  std::string name;     // lowercase, PyTorch's class name where PyTorch has the method
  std::string summary;  // one line for lists and tooltips
  std::function<std::unique_ptr<Optimizer>()> make;
  // A wrapper runs around a `base` optimizer (a WrappedOptimizer); it cannot be a base itself.
  bool is_wrapper = false;
};

const std::vector<OptimizerInfo>& optimizer_registry();
// Throws InputError naming the unknown optimizer and the closest known name.
std::unique_ptr<Optimizer> make_optimizer(std::string_view name);

}  // namespace lv
