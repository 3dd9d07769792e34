// How the optimizer tests name settings and build a configured optimizer from the registry, shared
// by the step, convergence and second-order drivers (one definition for the whole test program).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "optim/registry.hpp"

namespace lv::test {

struct Setting {
  const char* name;
  const char* value;
};

// make_optimizer(name) with each setting applied as the CLI's --set applies it.
inline std::unique_ptr<Optimizer> configured(const char* name,
                                             const std::vector<Setting>& settings) {
  std::unique_ptr<Optimizer> optimizer = make_optimizer(name);
  for (const Setting& s : settings)
    optimizer->set_hyperparameter(s.name, std::string_view(s.value));
  return optimizer;
}

}  // namespace lv::test
