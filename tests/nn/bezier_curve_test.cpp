// Mode connectivity (Garipov et al. 2018): the curve's bend gradient against finite differences,
// the curve's end points, and a trained curve between two independently trained minima having a
// lower worst loss than the straight line between them (their Fig. 1 / §3).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "nn/bezier_curve.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"

using namespace lv;

namespace {

Mlp small_net() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 12}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 12, 3}};
  return Mlp(spec);
}

std::unique_ptr<Optimizer> momentum_sgd(double lr) {
  auto optimizer = make_optimizer("sgd");
  optimizer->hyperparameters().set("lr", lr);
  optimizer->hyperparameters().set("momentum", 0.9);
  return optimizer;
}

Vec trained(const Mlp& mlp, const Dataset& data, uint64_t seed) {
  std::mt19937_64 generator(seed);
  TrainSettings settings;
  settings.epochs = 150;
  settings.batch_size = 32;
  settings.seed = seed;
  auto optimizer = momentum_sgd(0.3);
  return train_network(mlp, data, Dataset(), *optimizer, nullptr, mlp.initial_parameters(generator),
                       settings)
      .parameters;
}

double worst_loss(const Mlp& mlp, const Dataset& data, const BezierCurve& curve) {
  double worst = 0.0;
  for (int k = 0; k <= 20; ++k)
    worst = std::max(worst, mlp.loss(curve.point(k / 20.0), data.inputs, data.targets));
  return worst;
}

}  // namespace

TEST_CASE("the bend gradient 2t(1-t) grad L(phi(t)) matches finite differences") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("spirals:n=30");
  std::mt19937_64 generator(1);
  const Vec start = mlp.initial_parameters(generator), end = mlp.initial_parameters(generator);
  const Vec bend = mlp.initial_parameters(generator);
  BezierSampleObjective objective(mlp, data, start, end);
  objective.select(0.3, {0, 3, 5, 7, 11, 20});
  Vec gradient;
  objective.value_gradient(bend, gradient);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < bend.size(); i += 7) {
    const Vec step = h * Vec::Unit(bend.size(), i);
    const double numeric = (objective.value(bend + step) - objective.value(bend - step)) / (2 * h);
    CHECK(gradient[i] == doctest::Approx(numeric).epsilon(1e-6).scale(1e-3));
  }
  const BezierCurve curve{start, bend, end};
  CHECK(curve.point(0.0) == start);
  CHECK(curve.point(1.0) == end);
}

TEST_CASE("a trained Bezier curve between two minima avoids the straight line's barrier") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("spirals:n=150,noise=0.1");
  const Vec first = trained(mlp, data, 1), second = trained(mlp, data, 2);
  const BezierCurve line{first, 0.5 * (first + second),
                         second};  // a Bézier with a middle bend is the line
  auto optimizer = momentum_sgd(0.1);
  BezierSettings settings;
  settings.epochs = 150;
  settings.batch_size = 32;
  const BezierTraining curve = train_bezier_curve(mlp, data, first, second, *optimizer, settings);
  CHECK_FALSE(curve.diverged);
  const double line_worst = worst_loss(mlp, data, line),
               curve_worst = worst_loss(mlp, data, curve.curve);
  MESSAGE("worst loss: line " << line_worst << ", curve " << curve_worst);
  CHECK(curve_worst < 0.5 * line_worst);
}

TEST_CASE("the curve's profile is the loss at φ(t); φ(1/2) = (w₁ + 2θ + w₂)/4") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("spirals:n=60,noise=0.1");
  std::mt19937_64 generator(5);
  const BezierCurve curve{mlp.initial_parameters(generator), mlp.initial_parameters(generator),
                          mlp.initial_parameters(generator)};
  const std::vector<Evaluation> profile = evaluate_along(mlp, data, curve, {0.0, 0.5, 1.0});
  REQUIRE(profile.size() == 3);
  // Quadratic Bézier at t = 1/2: weights (1/4, 1/2, 1/4) (Garipov et al. 2018, Eq. 3).
  const Vec middle = 0.25 * curve.start + 0.5 * curve.bend + 0.25 * curve.end;
  CHECK(profile[1].loss ==
        doctest::Approx(mlp.loss(middle, data.inputs, data.targets)).epsilon(1e-12));
  CHECK(profile[0].loss == doctest::Approx(mlp.loss(curve.start, data.inputs, data.targets)));
  CHECK(profile[2].accuracy == mlp.evaluate(curve.end, data.inputs, data.targets).accuracy);
}
