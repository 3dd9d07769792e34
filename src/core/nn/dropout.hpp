// Inverted dropout masks (torch.nn.Dropout): during training each hidden activation is zeroed
// with probability p and the survivors are scaled by 1/(1 − p), so the expected activation is the
// undropped one and evaluation (losses, curvature, landscapes) runs without masks or rescaling.
// See also: Mlp::loss_gradient (applies the masks), train_network (draws them per mini-batch).
#pragma once

#include <random>

#include "nn/mlp.hpp"

namespace lv {

// One mask [width × batch] per hidden activation layer (after the last linear layer: none), each
// entry 0 with probability `probability` and 1/(1 − probability) otherwise, drawn from
// `generator`. probability 0 gives empty masks (no dropout, no draws). Requires 0 <= p < 1.
DropoutMasks dropout_masks(const Mlp& mlp, int batch, double probability,
                           std::mt19937_64& generator);

}  // namespace lv
