#include "optim/wrapped_optimizer.hpp"

#include <algorithm>
#include <string_view>

#include "common/errors.hpp"
#include "optim/registry.hpp"

namespace lv {

namespace {

HyperParameter base_parameter(const std::string& default_base) {
  const std::vector<std::string> names = WrappedOptimizer::base_names();
  const auto found = std::find(names.begin(), names.end(), default_base);
  const int index = found == names.end() ? 0 : static_cast<int>(found - names.begin());
  return choice_parameter("base", names, index,
                          "the wrapped optimizer; its hyperparameters follow this one's");
}

std::vector<HyperParameter> with_base(std::vector<HyperParameter> own, const std::string& base) {
  own.insert(own.begin(), base_parameter(base));
  return own;
}

}  // namespace

std::vector<std::string> WrappedOptimizer::base_names() {
  std::vector<std::string> names;
  for (const OptimizerInfo& info : optimizer_registry()) {
    if (!info.is_wrapper) names.push_back(info.name);
  }
  return names;
}

WrappedOptimizer::WrappedOptimizer(std::string name, std::vector<HyperParameter> own_descriptors,
                                   const std::string& default_base)
    : Optimizer(std::move(name), {}),
      own_descriptors_(with_base(std::move(own_descriptors), default_base)) {
  hyperparameters() = HyperParameters(descriptors_for(default_base));
}

std::vector<HyperParameter> WrappedOptimizer::descriptors_for(const std::string& base_name) const {
  std::vector<HyperParameter> descriptors = own_descriptors_;
  const std::unique_ptr<Optimizer> base = make_optimizer(base_name);
  for (const HyperParameter& d : base->hyperparameters().descriptors()) {
    const bool clashes = std::any_of(own_descriptors_.begin(), own_descriptors_.end(),
                                     [&](const HyperParameter& own) { return own.name == d.name; });
    if (!clashes) descriptors.push_back(d);
  }
  return descriptors;
}

// A new base: own settings keep their values, the base's start at that base's defaults.
void WrappedOptimizer::hyperparameter_changed(std::string_view name) {
  if (name != "base") return;
  const HyperParameters previous = hyperparameters();
  hyperparameters() = HyperParameters(descriptors_for(previous.choice("base")));
  for (const HyperParameter& d : own_descriptors_) {
    hyperparameters().set_from_text(d.name, previous.to_text(d.name));
  }
}

void WrappedOptimizer::reset_base(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  base_ = make_optimizer(p.choice("base"));
  for (const HyperParameter& d : base_->hyperparameters().descriptors()) {
    if (!p.has(d.name)) {
      throw InputError(name() + ": the base '" + base_->name() + "' has a setting '" + d.name +
                       "' this list lacks; set base through set_hyperparameter()");
    }
    base_->set_hyperparameter(d.name, p.to_text(d.name));
  }
  base_->reset(x0);
}

}  // namespace lv
