// One widget per hyperparameter descriptor (sliders, log sliders, checkboxes, combos, list
// fields), so any optimizer or schedule in the registries gets its controls without GUI code.
#pragma once

#include "params/hyperparameter.hpp"

namespace lv::app {

// Draws widgets for every descriptor; returns true if a value changed.
bool draw_hyperparameter_widgets(HyperParameters& parameters);

}  // namespace lv::app
