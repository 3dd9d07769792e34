// Directions in parameter space for loss-landscape plots: random Gaussian directions normalized
// per filter (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", §4), per layer, or
// not at all; and the straight line between two weight vectors (Goodfellow et al. 2015,
// "Qualitatively characterizing neural network optimization problems").
#pragma once

#include <random>
#include <string>

#include "nn/mlp.hpp"

namespace lv {

enum class DirectionNorm {
  Filter,  // each output neuron's row of the direction gets the norm of that row of the weights
  Layer,   // each layer's weight direction gets the Frobenius norm of that layer's weights
  None,    // raw N(0, 1) entries
};

// "filter", "layer" or "none"; throws InputError otherwise.
DirectionNorm parse_direction_norm(const std::string& text);

struct DirectionSettings {
  DirectionNorm norm = DirectionNorm::Filter;  // (default: filter)
  // Li et al. set bias directions to zero; with include_bias a bias direction is kept and scaled
  // like one more filter: to the norm of the layer's bias vector (default: false).
  bool include_bias = false;
};

// Rescales `direction` in place as `settings` says, relative to `weights`.
void normalize_direction(const Mlp& mlp, const Vec& weights, Vec& direction,
                         const DirectionSettings& settings);

// A N(0, I) draw from `generator`, then normalize_direction().
Vec random_direction(const Mlp& mlp, const Vec& weights, const DirectionSettings& settings,
                     std::mt19937_64& generator);

}  // namespace lv
