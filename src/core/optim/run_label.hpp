// The legend text of an optimizer run, read from its hyperparameter descriptors: figures, the
// CLI's plot command and the GUI's Export panel label runs with it.
#pragma once

#include <string>

#include "optim/optimizer.hpp"

namespace lv {

// "sgd (lr=0.01, momentum=0.9)": the name plus lr and every hyperparameter that differs from its
// default (the key settings, read from the descriptors).
std::string run_label(const Optimizer& optimizer);

}  // namespace lv
