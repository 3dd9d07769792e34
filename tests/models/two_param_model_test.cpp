// Two-parameter models on data: losses against hand computation and closed forms (the normal
// equations for linear regression), gradients and Hessians against finite differences, the loss
// formula against the sample loop, and the mini-batch identities (one epoch's batch gradients
// average to the full gradient).
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <cmath>
#include <numeric>
#include <set>

#include "expr/expr.hpp"
#include "models/gradient_noise.hpp"
#include "models/two_param_model.hpp"
#include "objective/minibatch_sampler.hpp"

using namespace lv;

namespace {

TwoParamModel model_named(const std::string& name, const std::string& data = "") {
  const TwoParamModelInfo& info = *find_two_param_model(name);
  return TwoParamModel(info,
                       load_model_data(data.empty() ? info.default_data : data, info.columns));
}

TwoParamModel regression_by_hand() {
  ModelData data{Mat(3, 1), Vec(3), "hand"};
  data.inputs << 0.0, 1.0, 2.0;
  data.targets << 1.0, 3.0, 2.0;
  return TwoParamModel(*find_two_param_model("linear_regression"), data);
}

}  // namespace

TEST_CASE("linear regression: the loss of a hand-computed case (mean squared residual)") {
  const TwoParamModel model = regression_by_hand();
  // w = 1, b = 0.5: residuals −0.5, −1.5, 0.5 → (0.25 + 2.25 + 0.25)/3
  CHECK(model.value(Vec{{1.0, 0.5}}) == doctest::Approx(2.75 / 3.0));
}

TEST_CASE("linear regression: the minimum is the normal equations' solution (closed form)") {
  const TwoParamModel model = model_named("linear_regression");
  const ModelData& data = model.data();
  Mat design(data.size(), 2);
  design.col(0) = data.inputs.col(0);
  design.col(1).setOnes();
  // Normal equations AᵀA θ = Aᵀy, solved independently of the model's code.
  const Vec theta = (design.transpose() * design).ldlt().solve(design.transpose() * data.targets);
  const double minimum = (design * theta - data.targets).squaredNorm() / data.size();
  CHECK(model.value(theta) == doctest::Approx(minimum).epsilon(1e-12));
  CHECK(model.gradient(theta).norm() < 1e-10);
  CHECK(model.value(theta + Vec{{0.01, -0.02}}) > minimum);
  // The generator's slope 2 and intercept −1 are recovered up to the noise.
  CHECK(theta[0] == doctest::Approx(2.0).epsilon(0.1));
  CHECK(theta[1] == doctest::Approx(-1.0).epsilon(0.15));
}

TEST_CASE("logistic regression and the neuron: hand-computed losses") {
  ModelData points{Mat(2, 2), Vec(2), "hand"};
  points.inputs << 1.0, 2.0, 3.0, -1.0;
  points.targets << 1.0, 0.0;
  const TwoParamModel logistic(*find_two_param_model("logistic_regression"), points);
  // w = (0.5, −0.25): z₁ = 0 → −log σ(0) = log 2; z₂ = 1.75, label 0 → −log(1 − σ(1.75))
  const double expected = (std::log(2.0) + std::log(1.0 + std::exp(1.75))) / 2.0;
  CHECK(logistic.value(Vec{{0.5, -0.25}}) == doctest::Approx(expected));

  ModelData curve{Mat(1, 1), Vec(1), "hand"};
  curve.inputs << 2.0;
  curve.targets << 0.5;
  const TwoParamModel neuron(*find_two_param_model("neuron"), curve);
  CHECK(neuron.value(Vec{{0.25, -0.1}}) == doctest::Approx(std::pow(std::tanh(0.4) - 0.5, 2.0)));
}

TEST_CASE("every model: gradient and Hessian agree with central finite differences") {
  for (const TwoParamModelInfo& info : two_param_models()) {
    CAPTURE(info.name);
    const TwoParamModel model = model_named(info.name);
    const Vec x{{0.7, -0.4}};
    const Vec gradient = model.gradient(x);
    const Mat hessian = model.hessian(x);
    const double h = 1e-5;
    for (int k = 0; k < 2; ++k) {
      Vec step = Vec::Zero(2);
      step[k] = h;
      CHECK(
          gradient[k] ==
          doctest::Approx((model.value(x + step) - model.value(x - step)) / (2 * h)).epsilon(1e-6));
      const Vec column = (model.gradient(x + step) - model.gradient(x - step)) / (2 * h);
      CHECK(hessian(0, k) == doctest::Approx(column[0]).epsilon(1e-5));
      CHECK(hessian(1, k) == doctest::Approx(column[1]).epsilon(1e-5));
    }
  }
}

TEST_CASE("every model: the loss formula (what the shaders draw) equals the sample loop") {
  for (const TwoParamModelInfo& info : two_param_models()) {
    CAPTURE(info.name);
    const TwoParamModel model = model_named(info.name);
    const Expr expr = Expr::parse(model.loss_formula());
    REQUIRE(expr.dimension() == 2);
    for (const Vec& x : {Vec{{0.0, 0.0}}, Vec{{1.5, -0.5}}, Vec{{-2.0, 3.0}}}) {
      CHECK(expr.value(x) == doctest::Approx(model.value(x)).epsilon(1e-10));
    }
  }
}

TEST_CASE("one epoch of equal batches: the mean of the batch gradients is the full gradient") {
  for (const TwoParamModelInfo& info : two_param_models()) {
    CAPTURE(info.name);
    const TwoParamModel model = model_named(info.name);  // 200 samples, batches of 25
    MiniBatchSampler sampler(model.sample_count(), 25, 7);
    const Vec x{{0.3, 0.9}};
    Vec sum = Vec::Zero(2), gradient(2);
    double loss = 0.0;
    for (int b = 0; b < sampler.batches_per_epoch(); ++b) {
      loss += model.batch_value_gradient(x, sampler.next(), gradient);
      sum += gradient;
    }
    Vec full;
    const double full_loss = model.value_gradient(x, full);
    CHECK((sum / sampler.batches_per_epoch() - full).norm() < 1e-12 * (1.0 + full.norm()));
    CHECK(loss / sampler.batches_per_epoch() == doctest::Approx(full_loss).epsilon(1e-12));
  }
}

TEST_CASE("the sampler: each epoch a permutation, the last batch partial, seeded") {
  MiniBatchSampler sampler(10, 4, 3);
  CHECK(sampler.batches_per_epoch() == 3);
  for (int epoch = 0; epoch < 2; ++epoch) {
    std::multiset<int> seen;
    for (const int expected_size : {4, 4, 2}) {
      const auto batch = sampler.next();
      CHECK(static_cast<int>(batch.size()) == expected_size);
      CHECK(sampler.epoch() == epoch);
      seen.insert(batch.begin(), batch.end());
    }
    std::multiset<int> all;
    for (int i = 0; i < 10; ++i) all.insert(i);
    CHECK(seen == all);
  }
  MiniBatchSampler again(10, 4, 3), other(10, 4, 4);
  const auto a = again.next();
  const std::vector<int> first(a.begin(), a.end());
  MiniBatchSampler same(10, 4, 3);
  const auto b = same.next();
  CHECK(first == std::vector<int>(b.begin(), b.end()));
  const auto c = other.next();
  CHECK(first != std::vector<int>(c.begin(), c.end()));
}

TEST_CASE(
    "gradient noise: the batch covariance matches sampled batches and vanishes at full batch") {
  const TwoParamModel model = model_named("linear_regression");
  const Vec x{{0.0, 0.0}};
  const GradientNoise noise = gradient_noise(model, x, 10, 4000, 1);
  Mat empirical = Mat::Zero(2, 2);
  for (const Vec& g : noise.batch_gradients) {
    empirical += (g - noise.full_gradient) * (g - noise.full_gradient).transpose();
  }
  empirical /= static_cast<double>(noise.batch_gradients.size());
  CHECK(empirical.trace() == doctest::Approx(noise.batch_covariance.trace()).epsilon(0.08));
  // B_simple = tr(Σ)/|G|² by its definition.
  CHECK(noise.noise_scale ==
        doctest::Approx(noise.sample_covariance.trace() / noise.full_gradient.squaredNorm()));
  const GradientNoise full = gradient_noise(model, x, 0, 3, 1);
  CHECK(full.batch_covariance.norm() == 0.0);
  for (const Vec& g : full.batch_gradients) CHECK((g - full.full_gradient).norm() < 1e-12);
}
