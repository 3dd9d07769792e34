#include "nn/directions.hpp"

#include "common/errors.hpp"

namespace lv {

namespace {

// Li et al.'s reference code adds 1e-10 to the direction's norm to avoid dividing by zero.
constexpr double k_norm_guard = 1e-10;

template <typename Target, typename Reference>
void scale_to_norm_of(Target&& target, const Reference& reference) {
  target *= reference.norm() / (target.norm() + k_norm_guard);
}

}  // namespace

DirectionNorm parse_direction_norm(const std::string& text) {
  if (text == "filter") return DirectionNorm::Filter;
  if (text == "layer") return DirectionNorm::Layer;
  if (text == "none") return DirectionNorm::None;
  throw InputError("--norm: expected filter, layer or none, got '" + text + "'");
}

void normalize_direction(const Mlp& mlp, const Vec& weights, Vec& direction,
                         const DirectionSettings& settings) {
  for (const LinearBlock& block : mlp.linear_blocks()) {
    auto direction_weight = Mlp::weight(direction, block);
    const auto weight = Mlp::weight(weights, block);
    auto direction_bias = Mlp::bias(direction, block);
    if (!settings.include_bias) {
      direction_bias.setZero();
    } else if (settings.norm != DirectionNorm::None) {
      scale_to_norm_of(direction_bias, Mlp::bias(weights, block));
    }
    if (settings.norm == DirectionNorm::Layer) scale_to_norm_of(direction_weight, weight);
    if (settings.norm != DirectionNorm::Filter) continue;
    for (int row = 0; row < block.out; ++row)
      scale_to_norm_of(direction_weight.row(row), weight.row(row));
  }
}

Vec random_direction(const Mlp& mlp, const Vec& weights, const DirectionSettings& settings,
                     std::mt19937_64& generator) {
  std::normal_distribution<double> normal(0.0, 1.0);
  Vec direction(mlp.parameter_count());
  for (Eigen::Index i = 0; i < direction.size(); ++i) direction[i] = normal(generator);
  normalize_direction(mlp, weights, direction, settings);
  return direction;
}

}  // namespace lv
