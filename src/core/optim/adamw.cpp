#include "optim/adamw.hpp"

namespace lv {

AdamW::AdamW()
    : Adam("adamw", adam_parameters(1e-3, decoupled_weight_decay_parameter(1e-2)), true) {}

}  // namespace lv
