// NetworkObjective splits large data sets over the cores (column blocks of ≥ 512 samples): its
// value, gradient and Hessian-vector product must equal the single pass over all samples
// (Mlp::loss, loss_gradient, hvp) up to rounding, for cross-entropy and for mse on one-hot
// targets.
#include <doctest/doctest.h>

#include <random>
#include <thread>

#include "nn/network_objective.hpp"

using namespace lv;

namespace {

void check_blocks_match_single_pass(LossType loss) {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 16}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 16, 3}};
  spec.loss = loss;
  const Mlp mlp(spec);
  const Dataset data = load_dataset("spirals:n=3001,noise=0.2,seed=4");  // odd: unequal blocks
  std::mt19937_64 generator(3);
  const Vec x = mlp.initial_parameters(generator);
  const Vec v = mlp.initial_parameters(generator);
  const NetworkObjective objective(mlp, data);
  CHECK(objective.value(x) ==
        doctest::Approx(mlp.loss(x, data.inputs, data.targets)).epsilon(1e-13));
  Vec blocked, single;
  const double value = objective.value_gradient(x, blocked);
  const double reference = mlp.loss_gradient(x, data.inputs, data.targets, single);
  CHECK(value == doctest::Approx(reference).epsilon(1e-13));
  CHECK((blocked - single).norm() <= 1e-12 * single.norm());
  const Vec product = objective.hvp(x, v);
  const Vec expected = mlp.hvp(x, data.inputs, data.targets, v);
  CHECK((product - expected).norm() <= 1e-12 * expected.norm());
  // Deterministic: the same blocks in the same order.
  CHECK(objective.hvp(x, v) == product);
}

}  // namespace

TEST_CASE("sample blocks on several cores give the single-pass value, gradient and HVP") {
  INFO("hardware threads: " << std::thread::hardware_concurrency());
  check_blocks_match_single_pass(LossType::CrossEntropy);
  check_blocks_match_single_pass(LossType::Mse);
}
