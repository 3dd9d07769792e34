// The lesson assets/scenes/09_edge_of_stability.json is a claim: full-batch gradient descent on
// its network starts with λmax well below 2/lr, sharpens progressively until λmax reaches 2/lr,
// then hovers there (it neither keeps growing nor diverges) while the loss keeps falling
// non-monotonically. This replays the lesson's training exactly as the app does and checks it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "io/scene.hpp"
#include "nn/network_objective.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"

using namespace lv;

TEST_CASE("edge-of-stability lesson: λmax climbs to 2/lr and hovers there; the loss falls") {
  const Scene scene = load_scene(
      (std::filesystem::path(LOSSVIZ_SOURCE_DIR) / "assets/scenes/09_edge_of_stability.json")
          .string());
  const SceneNetwork& network = scene.network;
  REQUIRE(network.present);
  REQUIRE(network.mse);
  REQUIRE(network.batch_size == 0);
  REQUIRE(network.optimizer == "gd");
  REQUIRE(network.sharpness_every > 0);
  // The app's model: the hidden widths with the activation, one output per class (app/
  // network_session.cpp network_model_spec); the app splits off no validation data here.
  REQUIRE(network.validation == 0.0);
  const Dataset data = load_dataset(network.data);
  ModelSpec spec;
  int in = data.features();
  for (const int width : network.hidden) {
    spec.layers.push_back({LayerType::Linear, in, width});
    spec.layers.push_back({LayerType::Tanh, 0, 0});
    in = width;
  }
  REQUIRE(network.activation == "tanh");
  spec.layers.push_back({LayerType::Linear, in, data.classes});
  spec.loss = LossType::Mse;
  const Mlp mlp(spec);
  std::mt19937_64 generator(network.seed);
  const Vec initial = mlp.initial_parameters(generator);
  auto optimizer = make_optimizer("gd");
  optimizer->hyperparameters().set("lr", network.learning_rate);
  TrainSettings settings;
  settings.epochs = network.epochs;
  settings.batch_size = 0;
  settings.seed = network.seed;
  settings.sharpness_every = network.sharpness_every;
  const TrainResult result =
      train_network(mlp, data, Dataset{}, *optimizer, nullptr, initial, settings);
  CHECK(result.status == TrainStatus::Completed);
  const std::vector<SharpnessRecord>& records = result.sharpness;
  REQUIRE(records.size() > 20);
  const double limit = 2.0 / network.learning_rate;
  CHECK(records.front().lambda_max < 0.5 * limit);  // starts well below the limit
  const auto reached = std::find_if(records.begin(), records.end(), [&](const SharpnessRecord& r) {
    return r.lambda_max >= 0.9 * limit;
  });
  REQUIRE_MESSAGE(reached != records.end(), "λmax never reached 2/lr");
  // It reaches the edge before the last third of training, so the hovering is on show.
  CHECK(reached - records.begin() < static_cast<long>(2 * records.size() / 3));
  bool loss_rose = false;
  for (auto record = reached; record != records.end(); ++record) {
    CHECK(record->lambda_max <= 1.3 * limit);  // hovers: no runaway sharpening
    if (record != records.begin() && record->loss > (record - 1)->loss) loss_rose = true;
  }
  CHECK(loss_rose);                                         // non-monotonic at the edge
  CHECK(records.back().loss < 0.7 * records.front().loss);  // and yet it falls
}
