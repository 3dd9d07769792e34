#include "nn/dropout.hpp"

#include <cassert>

namespace lv {

DropoutMasks dropout_masks(const Mlp& mlp, int batch, double probability,
                           std::mt19937_64& generator) {
  assert(probability >= 0.0 && probability < 1.0 && "dropout probability must be in [0, 1)");
  const std::vector<LayerSpec>& layers = mlp.spec().layers;
  DropoutMasks masks(layers.size());
  if (probability == 0.0) return masks;
  const int last_linear = mlp.linear_blocks().back().layer_index;
  std::bernoulli_distribution keep(1.0 - probability);
  const double scale = 1.0 / (1.0 - probability);
  int width = mlp.spec().input_size();
  for (int i = 0; i < static_cast<int>(layers.size()); ++i) {
    if (layers[i].type == LayerType::Linear) {
      width = layers[i].out;
      continue;
    }
    if (i > last_linear) continue;
    masks[i] = Mat(width, batch);
    for (Eigen::Index k = 0; k < masks[i].size(); ++k) masks[i](k) = keep(generator) ? scale : 0.0;
  }
  return masks;
}

}  // namespace lv
