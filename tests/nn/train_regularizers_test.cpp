// The trainer's schedule stepping and regularizers against their published definitions: one
// full-batch step of SGD and AdamW with L2 decay in the loss vs the optimizer's own (decoupled)
// weight decay, as torch.optim's pseudo-code writes them; clip_grad_norm_'s cap; per-update vs
// per-epoch schedule steps; early stopping restoring exactly the best epoch's weights
// (Keras restore_best_weights): the validation loss of the result is the minimum recorded.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "common/errors.hpp"
#include "nn/network_objective.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"
#include "schedule/schedule.hpp"
#include "small_net.hpp"

using namespace lv;
using lv::test::initial;
using lv::test::small_net;

namespace {

std::unique_ptr<Optimizer> optimizer(const char* name, double lr) {
  auto made = make_optimizer(name);
  made->hyperparameters().set("lr", lr);
  return made;
}

// One full-batch update from x0 with the given decay.
Vec one_step(Optimizer& method, double decay, WeightDecayMode mode, const Vec& x0) {
  const Mlp mlp = small_net();
  TrainSettings settings;
  settings.epochs = 1;
  settings.weight_decay = decay;
  settings.weight_decay_mode = mode;
  return train_network(mlp, load_dataset("blobs:n=60"), Dataset(), method, nullptr, x0, settings)
      .parameters;
}

}  // namespace

TEST_CASE("SGD: L2 in the loss and torch SGD's weight_decay both step x - lr (g + lambda x)") {
  const Mlp mlp = small_net();
  const Vec x0 = initial(mlp, 1);
  const Vec g = NetworkObjective(mlp, load_dataset("blobs:n=60")).gradient(x0);
  const double lr = 0.3, lambda = 0.05;
  const Vec expected = x0 - lr * (g + lambda * x0);  // torch.optim.SGD: g ← g + λθ; θ ← θ − lr g
  auto l2 = optimizer("sgd", lr);
  CHECK((one_step(*l2, lambda, WeightDecayMode::L2Loss, x0) - expected).norm() < 1e-12);
  auto decoupled = optimizer("sgd", lr);
  CHECK((one_step(*decoupled, lambda, WeightDecayMode::Decoupled, x0) - expected).norm() < 1e-12);
  CHECK(decoupled->hyperparameters().get("weight_decay") == lambda);
}

TEST_CASE("AdamW: decoupled decay shrinks x apart from the gradient; L2 goes through Adam") {
  const Mlp mlp = small_net();
  const Vec x0 = initial(mlp, 2);
  const Vec g = NetworkObjective(mlp, load_dataset("blobs:n=60")).gradient(x0);
  const double lr = 0.01, lambda = 0.5, eps = 1e-8;
  // torch.optim.AdamW, step 1: θ ← θ − lr λ θ; m̂ = g, v̂ = g², θ ← θ − lr m̂ / (√v̂ + ε).
  const auto adam_step = [&](const Vec& gradient) {
    return Vec(lr * gradient.array() / (gradient.array().abs() + eps));
  };
  auto decoupled = optimizer("adamw", lr);
  const Vec expected_decoupled = x0 * (1.0 - lr * lambda) - adam_step(g);
  CHECK((one_step(*decoupled, lambda, WeightDecayMode::Decoupled, x0) - expected_decoupled).norm() <
        1e-12);
  // L2 in the loss: the decay joins the gradient Adam normalizes (AdamW's own decay off).
  auto l2 = optimizer("adamw", lr);
  l2->hyperparameters().set("weight_decay", 0.0);
  const Vec expected_l2 = x0 - adam_step(g + lambda * x0);
  CHECK((one_step(*l2, lambda, WeightDecayMode::L2Loss, x0) - expected_l2).norm() < 1e-12);
  CHECK((expected_l2 - expected_decoupled).norm() > 1e-3);  // the two really differ
}

TEST_CASE("decoupled decay needs an optimizer with weight_decay") {
  const Mlp mlp = small_net();
  auto gd = optimizer("gd", 0.1);
  CHECK_THROWS_WITH_AS(one_step(*gd, 0.1, WeightDecayMode::Decoupled, initial(mlp, 1)),
                       doctest::Contains("has no weight_decay"), InputError);
  CHECK(parse_weight_decay_mode("decoupled") == WeightDecayMode::Decoupled);
  CHECK_THROWS_AS(parse_weight_decay_mode("l1"), InputError);
}

TEST_CASE("clip_grad_norm_: a full-batch SGD step moves at most lr * max_norm") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=60");
  const Vec x0 = initial(mlp, 3);
  const Vec g = NetworkObjective(mlp, data).gradient(x0);
  const double max_norm = 0.1 * g.norm();
  TrainSettings settings;
  settings.epochs = 1;
  settings.clip_norm = max_norm;
  auto sgd = optimizer("sgd", 1.0);
  const Vec x1 = train_network(mlp, data, Dataset(), *sgd, nullptr, x0, settings).parameters;
  CHECK((x0 - x1).norm() <= max_norm);
  // torch: g ← g · max_norm / (‖g‖ + 1e-6)
  CHECK((x1 - (x0 - g * (max_norm / (g.norm() + 1e-6)))).norm() < 1e-12);
  settings.clip_norm = 10.0 * g.norm();  // above the norm: untouched
  auto again = optimizer("sgd", 1.0);
  const Vec x2 = train_network(mlp, data, Dataset(), *again, nullptr, x0, settings).parameters;
  CHECK((x2 - (x0 - g)).norm() < 1e-12);
}

TEST_CASE("the schedule steps per update or per epoch; each epoch records the lr in force") {
  const Mlp mlp = small_net();
  const Dataset data = load_dataset("blobs:n=40");
  std::unique_ptr<Schedule> step = make_schedule("step");
  step->hyperparameters().set("step_size", 1);
  step->hyperparameters().set("gamma", 0.5);
  TrainSettings settings;
  settings.epochs = 3;
  settings.batch_size = 10;  // 4 updates per epoch
  auto per_update = optimizer("sgd", 0.8);
  const TrainResult updates =
      train_network(mlp, data, Dataset(), *per_update, step.get(), initial(mlp, 1), settings);
  REQUIRE(updates.history.size() == 3);
  // The last update of epoch e is update 4e, which sees t = 4e − 1 scheduler steps.
  CHECK(updates.history[0].learning_rate == doctest::Approx(0.8 * std::pow(0.5, 3)));
  CHECK(updates.history[2].learning_rate == doctest::Approx(0.8 * std::pow(0.5, 11)));
  settings.schedule_step = ScheduleStep::Epoch;
  auto per_epoch = optimizer("sgd", 0.8);
  const TrainResult epochs =
      train_network(mlp, data, Dataset(), *per_epoch, step.get(), initial(mlp, 1), settings);
  for (int e = 0; e < 3; ++e)
    CHECK(epochs.history[static_cast<size_t>(e)].learning_rate ==
          doctest::Approx(0.8 * std::pow(0.5, e)));
  CHECK(parse_schedule_step("epoch") == ScheduleStep::Epoch);
  CHECK_THROWS_AS(parse_schedule_step("batch"), InputError);
}

TEST_CASE("early stopping restores exactly the best epoch's weights, stopped early or not") {
  const Mlp mlp = [] {
    ModelSpec spec;
    spec.layers = {{LayerType::Linear, 2, 64},
                   {LayerType::Tanh, 0, 0},
                   {LayerType::Linear, 64, 64},
                   {LayerType::Tanh, 0, 0},
                   {LayerType::Linear, 64, 2}};
    return Mlp(spec);
  }();
  // Few noisy samples and a large net: the validation loss falls, then rises (overfitting).
  const DatasetSplit split = split_dataset(load_dataset("moons:n=60,noise=0.4,seed=2"), 0.5, 1);
  for (const int patience : {10, 1000}) {
    TrainSettings settings;
    settings.epochs = 200;
    settings.batch_size = 0;
    settings.patience = patience;
    auto adam = optimizer("adam", 0.01);
    const TrainResult result = train_network(mlp, split.train, split.validation, *adam, nullptr,
                                             initial(mlp, 5), settings);
    CHECK(result.status == (patience == 10 ? TrainStatus::EarlyStopped : TrainStatus::Completed));
    const auto best = std::min_element(result.history.begin(), result.history.end(),
                                       [](const EpochRecord& a, const EpochRecord& b) {
                                         return a.validation_loss < b.validation_loss;
                                       });
    CHECK(result.best_epoch == best->epoch);
    CHECK(result.best_epoch < static_cast<int>(result.history.size()));  // it did overfit
    CHECK(result.history.back().best_epoch == best->epoch);
    CHECK(result.best_validation_loss == best->validation_loss);
    const double final_loss =
        mlp.evaluate(result.parameters, split.validation.inputs, split.validation.targets).loss;
    CHECK(final_loss == best->validation_loss);
    CHECK(result.reason.find("kept epoch " + std::to_string(best->epoch)) != std::string::npos);
  }
}
