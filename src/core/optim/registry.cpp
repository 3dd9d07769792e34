#include "optim/registry.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "optim/sgd.hpp"

namespace lv {

namespace {
template <typename T>
OptimizerInfo entry(std::string name, std::string summary) {
  return {std::move(name), std::move(summary), [] { return std::make_unique<T>(); }};
}
}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry() {
  static const std::vector<OptimizerInfo> registry = {
      entry<Sgd>("sgd", "stochastic gradient descent with momentum / Nesterov (torch.optim.SGD)"),
  };
  return registry;
}

std::unique_ptr<Optimizer> make_optimizer(std::string_view name) {
  std::vector<std::string> names;
  for (const OptimizerInfo& info : optimizer_registry()) {
    if (info.name == name) return info.make();
    names.push_back(info.name);
  }
  std::string message = "unknown optimizer '" + std::string(name) + "'";
  if (const auto suggestion = closest_match(name, names)) {
    message += " (did you mean '" + *suggestion + "'?)";
  }
  throw InputError(message + "; see 'lossviz-cli list optimizers'");
}

}  // namespace lv
