#include "optim/registry.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/adamw.hpp"
#include "optim/nadam.hpp"
#include "optim/radam.hpp"
#include "optim/rmsprop.hpp"
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
      entry<Adagrad>("adagrad", "steps scaled by summed squared gradients (torch.optim.Adagrad)"),
      entry<RmsProp>("rmsprop", "steps scaled by a running mean of g^2 (torch.optim.RMSprop)"),
      entry<Adam>("adam", "momentum + RMS scaling with bias correction (torch.optim.Adam)"),
      entry<AdamW>("adamw", "Adam with decoupled weight decay (torch.optim.AdamW)"),
      entry<NAdam>("nadam", "Adam with Nesterov momentum (torch.optim.NAdam)"),
      entry<RAdam>("radam", "Adam with a rectified adaptive step (torch.optim.RAdam)"),
      entry<Adamax>("adamax", "Adam with the infinity norm (torch.optim.Adamax)"),
      entry<Adadelta>("adadelta", "running means of g^2 and of dx^2 (torch.optim.Adadelta)"),
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
