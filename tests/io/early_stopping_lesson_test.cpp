// The lesson assets/scenes/12_early_stopping.json is a claim: its network overfits the small
// noisy data set (the training loss keeps falling while the validation loss turns and rises),
// early stopping ends training after `patience` epochs without a new low, and the weights it
// keeps are those of the epoch with the lowest validation loss. This replays the lesson's
// training exactly as the app does (app/network_session.cpp) and checks it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "io/scene.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"

using namespace lv;

TEST_CASE("early-stopping lesson: validation turns up, training stops, the best epoch is kept") {
  const Scene scene = load_scene(
      (std::filesystem::path(LOSSVIZ_SOURCE_DIR) / "assets/scenes/12_early_stopping.json")
          .string());
  const SceneNetwork& network = scene.network;
  REQUIRE(network.present);
  REQUIRE(network.patience > 0);
  REQUIRE(network.activation == "tanh");
  REQUIRE(!network.mse);
  REQUIRE(network.schedule.name == "constant");
  REQUIRE(network.dropout == 0.0);
  REQUIRE(network.weight_decay == 0.0);
  // The app: a seeded split, the hidden widths with the activation, one output per class, the
  // initial weights from the same seed.
  const DatasetSplit split =
      split_dataset(load_dataset(network.data), network.validation, network.seed);
  REQUIRE(split.validation.size() > 0);
  ModelSpec spec;
  int in = split.train.features();
  for (const int width : network.hidden) {
    spec.layers.push_back({LayerType::Linear, in, width});
    spec.layers.push_back({LayerType::Tanh, 0, 0});
    in = width;
  }
  spec.layers.push_back({LayerType::Linear, in, split.train.classes});
  spec.loss = LossType::CrossEntropy;
  const Mlp mlp(spec);
  std::mt19937_64 generator(network.seed);
  const Vec initial = mlp.initial_parameters(generator);
  auto optimizer = make_optimizer(network.optimizer);
  optimizer->hyperparameters().set("lr", network.learning_rate);
  TrainSettings settings;
  settings.epochs = network.epochs;
  settings.batch_size = network.batch_size;
  settings.seed = network.seed;
  settings.patience = network.patience;
  const TrainResult result =
      train_network(mlp, split.train, split.validation, *optimizer, nullptr, initial, settings);
  CHECK(result.status == TrainStatus::EarlyStopped);
  const std::vector<EpochRecord>& history = result.history;
  const auto best = std::min_element(history.begin(), history.end(),
                                     [](const EpochRecord& a, const EpochRecord& b) {
                                       return a.validation_loss < b.validation_loss;
                                     });
  CHECK(result.best_epoch == best->epoch);
  CHECK(static_cast<int>(history.size()) == best->epoch + network.patience);
  // Overfitting on show: after the best epoch the training loss falls further while the
  // validation loss climbs well above its minimum.
  CHECK(history.back().train_loss < 0.5 * best->train_loss);
  CHECK(history.back().validation_loss > 1.5 * best->validation_loss);
  // The kept weights are the best epoch's.
  CHECK(mlp.evaluate(result.parameters, split.validation.inputs, split.validation.targets).loss ==
        best->validation_loss);
}
