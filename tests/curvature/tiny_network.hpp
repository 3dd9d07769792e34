// The small network the curvature tests check against dense linear algebra: a 2-6-3 tanh MLP on
// 60 spiral samples (39 parameters), its weights scaled up so that the Hessian is indefinite.
#pragma once

#include <random>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"

namespace lv::test {

struct TinyNetwork {
  Mlp mlp;
  Dataset data;
  Vec weights;
};

inline TinyNetwork tiny_network() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 6}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 6, 3}};
  TinyNetwork net{Mlp(spec), load_dataset("spirals:n=60"), Vec()};
  std::mt19937_64 generator(1);
  net.weights = 2.0 * net.mlp.initial_parameters(generator);
  return net;
}

}  // namespace lv::test
