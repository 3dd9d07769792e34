// Mlp forward/backward/HVP against outside references: losses computed by hand for small nets,
// gradients against central finite differences of the loss, Hessian-vector products against
// finite differences of gradients and against a dense Hessian from second differences of values.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "nn/activation.hpp"
#include "nn/mlp.hpp"

using namespace lv;

namespace {

ModelSpec make_spec(std::vector<LayerSpec> layers, LossType loss) {
  ModelSpec spec;
  spec.layers = std::move(layers);
  spec.loss = loss;
  return spec;
}

LayerSpec linear(int in, int out) {
  return {LayerType::Linear, in, out};
}
LayerSpec activation(LayerType type) {
  return {type, 0, 0};
}

Vec random_vector(Eigen::Index n, uint64_t seed, double scale = 1.0) {
  std::mt19937_64 generator(seed);
  std::normal_distribution<double> normal(0.0, scale);
  Vec v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = normal(generator);
  return v;
}

Mat random_matrix(Eigen::Index rows, Eigen::Index cols, uint64_t seed) {
  const Vec v = random_vector(rows * cols, seed);
  return Eigen::Map<const Mat>(v.data(), rows, cols);
}

Mat class_targets(int samples, int classes) {
  Mat targets(1, samples);
  for (int s = 0; s < samples; ++s) targets(0, s) = s % classes;
  return targets;
}

struct Problem {
  Mlp mlp;
  Mat inputs;
  Mat targets;
};

Problem random_problem(LayerType hidden, LossType loss) {
  const int outputs = loss == LossType::Mse ? 1 : 3;
  Mlp mlp(make_spec(
      {linear(3, 4), activation(hidden), linear(4, 5), activation(hidden), linear(5, outputs)},
      loss));
  const Mat inputs = random_matrix(3, 7, 11);
  const Mat targets = loss == LossType::Mse ? random_matrix(1, 7, 12) : class_targets(7, 3);
  return {mlp, inputs, targets};
}

const LayerType k_hidden_types[] = {LayerType::Relu, LayerType::Tanh, LayerType::Sigmoid,
                                    LayerType::Gelu, LayerType::Softplus};

}  // namespace

TEST_CASE("cross-entropy of a 2-2-2 ReLU net with chosen weights matches the hand computation") {
  Mlp mlp(
      make_spec({linear(2, 2), activation(LayerType::Relu), linear(2, 2)}, LossType::CrossEntropy));
  Vec w(mlp.parameter_count());
  // "0.weight" (row-major), "0.bias", "2.weight", "2.bias"
  w << 1, -1, 0.5, 2, 0, 1, 0.2, 0.4, -0.3, 0.1, 0.1, -0.2;
  Mat inputs(2, 2);
  inputs << 1, 0, 2, 0;
  Mat targets(1, 2);
  targets << 0, 1;
  // Sample 1: z1 = (−1, 5.5) → relu (0, 5.5) → logits (2.3, 0.35); −log softmax[0] = log(1 +
  // e^−1.95). Sample 2: z1 = (0, 1) → (0, 1) → logits (0.5, −0.1); −log softmax[1] = log(1 +
  // e^0.6).
  const double expected = 0.5 * (std::log1p(std::exp(-1.95)) + std::log1p(std::exp(0.6)));
  CHECK(mlp.loss(w, inputs, targets) == doctest::Approx(expected).epsilon(1e-14));
  const Evaluation evaluation = mlp.evaluate(w, inputs, targets);
  CHECK(evaluation.accuracy ==
        doctest::Approx(0.5));  // sample 1 right (2.3 > 0.35), sample 2 wrong
  const Mat outputs = mlp.forward(w, inputs);
  CHECK(outputs(0, 0) == doctest::Approx(2.3));
  CHECK(outputs(1, 0) == doctest::Approx(0.35));
}

TEST_CASE("mse of a linear model matches the hand computation (mean over samples and outputs)") {
  Mlp mlp(make_spec({linear(2, 1)}, LossType::Mse));
  Vec w(3);
  w << 0.5, -1, 0.25;
  Mat inputs(2, 2);
  inputs << 1, 0, 2, 1;
  Mat targets(1, 2);
  targets << 1, 0;
  // predictions −1.25 and −0.75: ((−2.25)² + (−0.75)²)/2 = (5.0625 + 0.5625)/2
  CHECK(mlp.loss(w, inputs, targets) == doctest::Approx(2.8125).epsilon(1e-15));
}

TEST_CASE("activations follow torch: exact-erf GELU and thresholded softplus") {
  Mat z(1, 3);
  z << -1.0, 0.5, 25.0;
  // GELU(0.5) = 0.5·Φ(0.5) = 0.5·0.691462461274013 (Φ from standard normal tables)
  CHECK(activate(LayerType::Gelu, z)(0, 1) ==
        doctest::Approx(0.5 * 0.691462461274013).epsilon(1e-12));
  CHECK(activate(LayerType::Softplus, z)(0, 0) == doctest::Approx(std::log(1 + std::exp(-1.0))));
  CHECK(activate(LayerType::Softplus, z)(0, 2) == 25.0);  // above threshold 20 it is the identity
  // Second derivatives against central differences of the first derivatives.
  for (LayerType type : k_hidden_types) {
    if (type == LayerType::Relu) continue;
    const double h = 1e-5;
    const Mat slope_plus = activation_derivative(type, z.array() + h);
    const Mat slope_minus = activation_derivative(type, z.array() - h);
    const Mat curvature = activation_second_derivative(type, z);
    for (int k = 0; k < 2; ++k) {
      CHECK(curvature(0, k) ==
            doctest::Approx((slope_plus(0, k) - slope_minus(0, k)) / (2 * h)).epsilon(1e-6));
    }
  }
}

TEST_CASE(
    "backpropagated gradients match central finite differences for every activation and loss") {
  for (LossType loss : {LossType::CrossEntropy, LossType::Mse}) {
    for (LayerType hidden : k_hidden_types) {
      CAPTURE(layer_type_name(hidden));
      const Problem p = random_problem(hidden, loss);
      const Vec w = random_vector(p.mlp.parameter_count(), 5, 0.8);
      Vec gradient;
      const double value = p.mlp.loss_gradient(w, p.inputs, p.targets, gradient);
      CHECK(value == doctest::Approx(p.mlp.loss(w, p.inputs, p.targets)));
      const double h = 1e-6;
      for (Eigen::Index i = 0; i < w.size(); ++i) {
        Vec plus = w, minus = w;
        plus[i] += h;
        minus[i] -= h;
        const double numeric =
            (p.mlp.loss(plus, p.inputs, p.targets) - p.mlp.loss(minus, p.inputs, p.targets)) /
            (2 * h);
        CHECK(gradient[i] == doctest::Approx(numeric).epsilon(1e-6).scale(1e-3));
      }
    }
  }
}

TEST_CASE("dropout masks scale the forward pass and the gradient consistently") {
  const Problem p = random_problem(LayerType::Tanh, LossType::CrossEntropy);
  const Vec w = random_vector(p.mlp.parameter_count(), 6, 0.8);
  DropoutMasks masks(p.mlp.spec().layers.size());
  masks[1] = (random_matrix(4, 7, 9).array() > 0).cast<double>() * 2.0;
  Vec gradient;
  const double value = p.mlp.loss_gradient(w, p.inputs, p.targets, gradient, &masks);
  const double h = 1e-6;
  Vec ignored;
  for (Eigen::Index i = 0; i < w.size(); i += 3) {
    Vec plus = w, minus = w;
    plus[i] += h;
    minus[i] -= h;
    const double numeric = (p.mlp.loss_gradient(plus, p.inputs, p.targets, ignored, &masks) -
                            p.mlp.loss_gradient(minus, p.inputs, p.targets, ignored, &masks)) /
                           (2 * h);
    CHECK(gradient[i] == doctest::Approx(numeric).epsilon(1e-6).scale(1e-3));
  }
  CHECK(value != doctest::Approx(p.mlp.loss(w, p.inputs, p.targets)));
}

TEST_CASE("R-operator HVP matches finite differences of gradients") {
  for (LossType loss : {LossType::CrossEntropy, LossType::Mse}) {
    for (LayerType hidden : k_hidden_types) {
      CAPTURE(layer_type_name(hidden));
      const Problem p = random_problem(hidden, loss);
      const Vec w = random_vector(p.mlp.parameter_count(), 7, 0.8);
      const Vec v = random_vector(p.mlp.parameter_count(), 8);
      const Vec product = p.mlp.hvp(w, p.inputs, p.targets, v);
      const double h = 1e-5;
      Vec g_plus, g_minus;
      p.mlp.loss_gradient(w + h * v, p.inputs, p.targets, g_plus);
      p.mlp.loss_gradient(w - h * v, p.inputs, p.targets, g_minus);
      const Vec numeric = (g_plus - g_minus) / (2 * h);
      CHECK((product - numeric).norm() <= 1e-6 * std::max(1.0, numeric.norm()));
    }
  }
}

TEST_CASE("HVP columns equal a dense Hessian from second differences of the loss on a tiny net") {
  Mlp mlp(
      make_spec({linear(2, 2), activation(LayerType::Tanh), linear(2, 2)}, LossType::CrossEntropy));
  const Mat inputs = random_matrix(2, 5, 21);
  const Mat targets = class_targets(5, 2);
  const Vec w = random_vector(mlp.parameter_count(), 22);
  const Eigen::Index n = w.size();
  const double h = 1e-4;
  auto f = [&](const Vec& x) { return mlp.loss(x, inputs, targets); };
  for (Eigen::Index j = 0; j < n; ++j) {
    const Vec column = mlp.hvp(w, inputs, targets, Vec::Unit(n, j));
    for (Eigen::Index i = 0; i < n; ++i) {
      const Vec ei = h * Vec::Unit(n, i), ej = h * Vec::Unit(n, j);
      const double second =
          (f(w + ei + ej) - f(w + ei - ej) - f(w - ei + ej) + f(w - ei - ej)) / (4 * h * h);
      // Second differences carry rounding noise ≈ ε·f/h² ≈ 1e-8.
      CHECK(std::abs(column[i] - second) <= 1e-6);
    }
  }
}

TEST_CASE(
    "initialization follows torch.nn.Linear: U(-1/sqrt(in), 1/sqrt(in)) for weights and bias") {
  Mlp mlp(make_spec({linear(100, 50), activation(LayerType::Relu), linear(50, 10)},
                    LossType::CrossEntropy));
  std::mt19937_64 generator(3);
  const Vec w = mlp.initial_parameters(generator);
  for (const LinearBlock& block : mlp.linear_blocks()) {
    const double bound = 1.0 / std::sqrt(double(block.in));
    const auto weights = Mlp::weight(w, block);
    CHECK(weights.cwiseAbs().maxCoeff() <= bound);
    CHECK(Mlp::bias(w, block).cwiseAbs().maxCoeff() <= bound);
    // Uniform on [−b, b] has variance b²/3.
    const double variance = weights.array().square().mean();
    CHECK(variance == doctest::Approx(bound * bound / 3).epsilon(0.1));
  }
  std::mt19937_64 same_seed(3);
  CHECK(mlp.initial_parameters(same_seed) == w);
}
