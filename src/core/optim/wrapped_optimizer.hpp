// lv::WrappedOptimizer: a method that wraps any registered base optimizer (SAM, proximal
// regularization, projection). Its descriptor list is its own settings followed by the base's,
// rebuilt when the `base` choice changes, so the CLI's --set and the GUI's sliders reach the base
// without per-method code.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "optim/optimizer.hpp"

namespace lv {

class WrappedOptimizer : public Optimizer {
 public:
  // Names of registered optimizers that may serve as `base` (every one that is not a wrapper).
  static std::vector<std::string> base_names();

 protected:
  WrappedOptimizer(std::string name, std::vector<HyperParameter> own_descriptors,
                   const std::string& default_base = "sgd");

  // Creates the base from `base`, forwards the base's hyperparameters and resets it at x0.
  void reset_base(const Vec& x0);
  Optimizer& base() { return *base_; }
  void hyperparameter_changed(std::string_view name) override;

 private:
  // Own descriptors (with `base` first) plus those of the named base optimizer.
  std::vector<HyperParameter> descriptors_for(const std::string& base_name) const;

  std::vector<HyperParameter> own_descriptors_;
  std::unique_ptr<Optimizer> base_;
};

}  // namespace lv
