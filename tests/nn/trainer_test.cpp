// Training against torch.optim.SGD's published update rule (x ← x − lr·(∇f + weight_decay·x)),
// mini-batch gradients against the gradient of the same samples, early stopping, checkpoints,
// dropout and cancellation; sharpness tracking against the dense Hessian; mse on one-hot targets
// against its definition and finite differences.
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "nn/network_objective.hpp"
#include "nn/trainer.hpp"
#include "optim/oracle.hpp"
#include "optim/registry.hpp"
#include "small_net.hpp"

using namespace lv;
using lv::test::initial;
using lv::test::small_net;

namespace {

std::unique_ptr<Optimizer> sgd(double lr) {
  auto optimizer = make_optimizer("sgd");
  optimizer->hyperparameters().set("lr", lr);
  return optimizer;
}

}  // namespace

TEST_CASE("one full-batch epoch is one gradient step x - lr (grad + weight_decay x)") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=60");
  const Vec x0 = initial(mlp, 1);
  const NetworkObjective objective(mlp, data);
  const Vec gradient = objective.gradient(x0);
  TrainSettings settings;
  settings.epochs = 1;
  settings.weight_decay = 0.01;
  auto optimizer = sgd(0.3);
  const TrainResult result = train_network(mlp, data, Dataset(), *optimizer, nullptr, x0, settings);
  CHECK(result.steps == 1);
  CHECK((result.parameters - (x0 - 0.3 * (gradient + 0.01 * x0))).norm() < 1e-12);
}

TEST_CASE("mini-batch steps use the gradient of exactly the shuffled batch's samples") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("spirals:n=40");
  const Vec x0 = initial(mlp, 2);
  TrainSettings settings;
  settings.epochs = 1;
  settings.batch_size = 40;  // one step, but shuffled: the mean gradient is order-independent
  auto optimizer = sgd(0.1);
  const Vec full_step =
      train_network(mlp, data, Dataset(), *optimizer, nullptr, x0, settings).parameters;
  settings.batch_size = 25;  // two steps: 25 then 15 samples, shuffled by mt19937_64(seed)
  settings.seed = 9;
  const TrainResult result = train_network(mlp, data, Dataset(), *optimizer, nullptr, x0, settings);
  CHECK(result.steps == 2);
  std::vector<int> order(40);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 generator(9);
  std::shuffle(order.begin(), order.end(), generator);
  const Dataset first = data.subset({order.begin(), order.begin() + 25});
  const Dataset second = data.subset({order.begin() + 25, order.end()});
  const Vec x1 = x0 - 0.1 * NetworkObjective(mlp, first).gradient(x0);
  const Vec x2 = x1 - 0.1 * NetworkObjective(mlp, second).gradient(x1);
  CHECK((result.parameters - x2).norm() < 1e-12);
  CHECK((full_step - (x0 - 0.1 * NetworkObjective(mlp, data).gradient(x0))).norm() < 1e-12);
}

TEST_CASE("training a small net separates blobs; checkpoints every k steps") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=150,noise=0.4");
  TrainSettings settings;
  settings.epochs = 30;
  settings.batch_size = 16;
  settings.checkpoint_every = 50;
  auto optimizer = sgd(0.2);
  const TrainResult result =
      train_network(mlp, data, Dataset(), *optimizer, nullptr, initial(mlp, 3), settings);
  CHECK(result.status == TrainStatus::Completed);
  CHECK(result.history.back().train_accuracy > 0.95);
  CHECK(result.history.back().train_loss < result.history.front().train_loss);
  // 10 steps per epoch, 300 steps: step 0 and 50, 100, ..., 300
  REQUIRE(result.checkpoints.size() == 7);
  CHECK(result.checkpoints[1].step == 50);
  CHECK(result.checkpoints.back().parameters == result.parameters);
}

TEST_CASE("early stopping: no improvement for `patience` epochs stops and keeps the best") {
  const Mlp mlp = small_net();
  const DatasetSplit split = split_dataset(load_dataset("blobs:n=100"), 0.3, 1);
  TrainSettings settings;
  settings.epochs = 50;
  settings.patience = 3;
  auto optimizer = sgd(0.0);  // lr 0: the validation loss never gets better after epoch 1
  const TrainResult result = train_network(mlp, split.train, split.validation, *optimizer, nullptr,
                                           initial(mlp, 4), settings);
  CHECK(result.status == TrainStatus::EarlyStopped);
  CHECK(result.history.size() == 4);
}

TEST_CASE("dropout changes training but training still learns; cancel stops at once") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=150,noise=0.4");
  TrainSettings settings;
  settings.epochs = 30;
  settings.batch_size = 16;
  settings.dropout = 0.2;
  auto optimizer = sgd(0.2);
  const TrainResult with_dropout =
      train_network(mlp, data, Dataset(), *optimizer, nullptr, initial(mlp, 3), settings);
  CHECK(with_dropout.history.back().train_accuracy > 0.9);
  settings.dropout = 0.0;
  const TrainResult without =
      train_network(mlp, data, Dataset(), *optimizer, nullptr, initial(mlp, 3), settings);
  CHECK(with_dropout.parameters != without.parameters);

  std::atomic<bool> cancel{true};
  settings.cancel = &cancel;
  const TrainResult cancelled =
      train_network(mlp, data, Dataset(), *optimizer, nullptr, initial(mlp, 3), settings);
  CHECK(cancelled.status == TrainStatus::Cancelled);
  CHECK(cancelled.steps == 0);
}

TEST_CASE("on_epoch_parameters sees each epoch's weights: full-batch SGD steps x - lr grad") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=60");
  const Vec x0 = initial(mlp, 2);
  const NetworkObjective objective(mlp, data);
  // Full batch, no weight decay: epoch 1 is one step x0 - lr ∇f(x0) (torch.optim.SGD).
  const Vec after_first = x0 - 0.2 * objective.gradient(x0);
  TrainSettings settings;
  settings.epochs = 3;
  std::vector<Vec> seen;
  settings.on_epoch_parameters = [&](const Vec& parameters) { seen.push_back(parameters); };
  auto optimizer = sgd(0.2);
  const TrainResult result = train_network(mlp, data, Dataset(), *optimizer, nullptr, x0, settings);
  REQUIRE(seen.size() == 3);
  CHECK((seen[0] - after_first).norm() < 1e-12);
  CHECK((seen[2] - result.parameters).norm() == 0.0);
}

TEST_CASE("sharpness tracking: a record at step 0 and every k updates, λmax within its residual") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=90,classes=3,seed=2");
  auto optimizer = make_optimizer("gd");
  optimizer->hyperparameters().set("lr", 0.05);
  TrainSettings settings;
  settings.epochs = 12;  // full batch: one update per epoch
  settings.sharpness_every = 4;
  int callbacks = 0;
  settings.on_sharpness = [&](const SharpnessRecord&) { ++callbacks; };
  const TrainResult result =
      train_network(mlp, data, Dataset{}, *optimizer, nullptr, initial(mlp, 3), settings);
  REQUIRE(result.sharpness.size() == 4);  // steps 0, 4, 8, 12
  CHECK(callbacks == 4);
  for (size_t k = 0; k < result.sharpness.size(); ++k) {
    CHECK(result.sharpness[k].step == static_cast<long>(4 * k));
    CHECK(result.sharpness[k].two_over_lr == doctest::Approx(2.0 / 0.05));
  }
  // The last record is at the final weights: compare with the dense Hessian there.
  const NetworkObjective objective(mlp, data);
  const SharpnessRecord& last = result.sharpness.back();
  CHECK(last.loss == doctest::Approx(objective.value(result.parameters)));
  const Eigen::SelfAdjointEigenSolver<Mat> dense(objective.hessian(result.parameters));
  CHECK(std::abs(last.lambda_max - dense.eigenvalues().maxCoeff()) <= last.residual + 1e-12);
  CHECK(last.converged);
}

TEST_CASE("mse on a classification set trains against one-hot targets (torch mse_loss)") {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 5}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 5, 3}};
  spec.loss = LossType::Mse;
  const Mlp mlp(spec);
  const Dataset data = load_dataset("blobs:n=30,classes=3,seed=4");
  const NetworkObjective objective(mlp, data);  // accepted: 3 outputs, 3 classes
  const Vec x = initial(mlp, 2);
  const Mat outputs = mlp.forward(x, data.inputs);
  Mat one_hot = Mat::Zero(3, data.size());
  for (int s = 0; s < data.size(); ++s) one_hot(static_cast<int>(data.targets(0, s)), s) = 1.0;
  const double expected = (outputs - one_hot).squaredNorm() / (3.0 * data.size());
  CHECK(objective.value(x) == doctest::Approx(expected).epsilon(1e-12));
  // The gradient against central differences.
  const Vec gradient = objective.gradient(x);
  for (int i : {0, 6, 14, 22}) {
    Vec plus = x, minus = x;
    plus[i] += 1e-6;
    minus[i] -= 1e-6;
    CHECK(gradient[i] ==
          doctest::Approx((objective.value(plus) - objective.value(minus)) / 2e-6).epsilon(1e-6));
  }
  CHECK(std::isfinite(objective.evaluate(x).accuracy));  // arg-max accuracy on one-hot targets
}

TEST_CASE("Adam runs track λmax(P⁻¹H) with P = √v̂ + ε and the threshold (2 + 2β1)/((1 − β1)lr)") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=60,classes=3,seed=2");
  auto optimizer = make_optimizer("adam");
  optimizer->hyperparameters().set("lr", 0.01);
  TrainSettings settings;
  settings.epochs = 4;
  settings.sharpness_every = 2;
  const TrainResult result =
      train_network(mlp, data, Dataset{}, *optimizer, nullptr, initial(mlp, 3), settings);
  REQUIRE(result.sharpness.size() == 3);
  CHECK(std::isnan(result.sharpness[0].preconditioned_lambda_max));  // no step yet: no P
  const SharpnessRecord& last = result.sharpness.back();
  CHECK(last.preconditioned_limit == doctest::Approx(38.0 / 0.01));
  // Against the dense P^(-1/2) H P^(-1/2) with Adam's preconditioner after the last step.
  DiagonalPreconditioner preconditioner;
  REQUIRE(optimizer->preconditioner(preconditioner));
  const NetworkObjective objective(mlp, data);
  const Vec scale = preconditioner.diagonal.cwiseSqrt().cwiseInverse();
  const Mat scaled = scale.asDiagonal() * objective.hessian(result.parameters) * scale.asDiagonal();
  const Eigen::SelfAdjointEigenSolver<Mat> dense(scaled);
  CHECK(last.preconditioned_lambda_max ==
        doctest::Approx(dense.eigenvalues().maxCoeff()).epsilon(2e-2));
}

TEST_CASE("Adam's preconditioner after one step is |g| + eps (v̂ = g² after bias correction)") {
  auto optimizer = make_optimizer("adam");
  DiagonalPreconditioner preconditioner;
  Vec x(3);
  x << 1.0, -2.0, 0.5;
  optimizer->reset(x);
  CHECK_FALSE(optimizer->preconditioner(preconditioner));
  Vec g(3);
  g << 0.3, -4.0, 1e-3;
  struct Null : Objective {
    int dim() const override { return 3; }
    double value(const Vec&) const override { return 0.0; }
    double value_gradient(const Vec&, Vec& gradient) const override {
      gradient = Vec::Zero(3);
      return 0.0;
    }
  } null;
  Oracle oracle(null);
  optimizer->step(StepContext{g, 0.0, 0.1, oracle}, x);
  REQUIRE(optimizer->preconditioner(preconditioner));
  for (int i = 0; i < 3; ++i) {
    CHECK(preconditioner.diagonal[i] == doctest::Approx(std::abs(g[i]) + 1e-8).epsilon(1e-12));
  }
  CHECK(preconditioner.beta1 == 0.9);
}
