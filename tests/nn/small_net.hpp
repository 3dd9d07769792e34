// The 2-8-3 tanh classifier the trainer tests train, and its seeded initial parameters.
#pragma once

#include <random>

#include "nn/mlp.hpp"

namespace lv::test {

inline Mlp small_net() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 8}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 8, 3}};
  return Mlp(spec);
}

inline Vec initial(const Mlp& mlp, uint64_t seed) {
  std::mt19937_64 generator(seed);
  return mlp.initial_parameters(generator);
}

}  // namespace lv::test
