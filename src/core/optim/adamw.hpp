// AdamW (Loshchilov & Hutter 2019): Adam's rule with decoupled weight decay, exactly as
// torch.optim.AdamW (weight_decay default 1e-2).
#pragma once

#include "optim/adam.hpp"

namespace lv {

class AdamW final : public Adam {
 public:
  AdamW();
};

}  // namespace lv
