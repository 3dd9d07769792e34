// Inverted dropout against torch.nn.Dropout's definition: each hidden activation is zeroed with
// probability p and survivors are scaled by 1/(1 − p), so the expected activation is the
// undropped one; p = 0 is the identity. Checked on the masks' statistics and, through the
// network, on a quantity linear in the dropped activations (the output bias's mse gradient).
#include <doctest/doctest.h>

#include <random>

#include "nn/dropout.hpp"
#include "nn/mlp.hpp"

using namespace lv;

namespace {

Mlp regression_net() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 6}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 6, 1}};
  spec.loss = LossType::Mse;
  return Mlp(spec);
}

}  // namespace

TEST_CASE("dropout masks: zeros with probability p, survivors exactly 1/(1-p), mean 1") {
  const Mlp mlp = regression_net();
  std::mt19937_64 generator(7);
  const double p = 0.3;
  const DropoutMasks masks = dropout_masks(mlp, 20000, p, generator);
  REQUIRE(masks.size() == 3);
  CHECK(masks[0].size() == 0);  // linear layers carry no mask
  CHECK(masks[2].size() == 0);
  const Mat& mask = masks[1];  // after the hidden tanh: 6 units × batch
  REQUIRE(mask.rows() == 6);
  REQUIRE(mask.cols() == 20000);
  const double zeros = static_cast<double>((mask.array() == 0.0).count()) / mask.size();
  CHECK(zeros == doctest::Approx(p).epsilon(0.02));
  CHECK(((mask.array() == 0.0) || (mask.array() == 1.0 / (1.0 - p))).all());
  // E[m ⊙ h] = h: the mean mask is 1 within a few standard errors (σ = √(p/(1−p)/n)).
  CHECK(std::abs(mask.mean() - 1.0) < 4.0 * std::sqrt(p / (1.0 - p) / mask.size()));
}

TEST_CASE("dropout p = 0 is the identity: no masks, the undropped loss and gradient") {
  const Mlp mlp = regression_net();
  std::mt19937_64 generator(1), untouched(1);
  const DropoutMasks masks = dropout_masks(mlp, 10, 0.0, generator);
  for (const Mat& mask : masks) CHECK(mask.size() == 0);
  CHECK(generator() == untouched());  // no draws either: the shuffling stream is unchanged
  std::mt19937_64 init(2);
  const Vec x = mlp.initial_parameters(init);
  const Mat inputs = Mat::Random(2, 10);
  const Mat targets = Mat::Random(1, 10);
  Vec plain(x.size()), masked(x.size());
  const double loss = mlp.loss_gradient(x, inputs, targets, plain);
  CHECK(mlp.loss_gradient(x, inputs, targets, masked, &masks) == loss);
  CHECK(masked == plain);
}

TEST_CASE("dropout's expected network output is the undropped one (mean over many masks)") {
  // With a linear layer after the dropped activation, the mse gradient of the output bias,
  // (2/n) Σ (W(m ⊙ h) + b − t), is linear in the mask: its mean over masks is the undropped one.
  const Mlp mlp = regression_net();
  std::mt19937_64 init(3);
  const Vec x = mlp.initial_parameters(init);
  const Mat inputs = Mat::Random(2, 8);
  const Mat targets = Mat::Random(1, 8);
  Vec gradient(x.size());
  mlp.loss_gradient(x, inputs, targets, gradient);
  const Eigen::Index bias = mlp.linear_blocks().back().bias_offset;
  const double undropped = gradient(bias);
  std::mt19937_64 generator(11);
  double sum = 0.0, sum_squares = 0.0;
  const int draws = 20000;
  for (int k = 0; k < draws; ++k) {
    const DropoutMasks masks = dropout_masks(mlp, 8, 0.5, generator);
    mlp.loss_gradient(x, inputs, targets, gradient, &masks);
    sum += gradient(bias);
    sum_squares += gradient(bias) * gradient(bias);
  }
  const double mean = sum / draws;
  const double standard_error = std::sqrt((sum_squares / draws - mean * mean) / draws);
  CHECK(std::abs(mean - undropped) < 4.0 * standard_error + 1e-12);
}
