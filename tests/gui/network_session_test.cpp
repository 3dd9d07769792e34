// The Network panel's worker (GL-free): training publishes its history and decision regions, the
// landscape is the model's true loss on the grid, PCA paths end at the final weights, tasks
// cancel, and surfaces and weights round-trip through their files.
#include <doctest/doctest.h>

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <string>

#include "common/errors.hpp"
#include "io/surface_h5_reader.hpp"
#include "network_session.hpp"
#include "nn/network_weights.hpp"

namespace {

lv::app::NetworkConfig small_spirals(int epochs) {
  lv::app::NetworkConfig config;
  config.data = "spirals:n=150,noise=0.1,seed=2";
  config.hidden = {8};
  config.epochs = epochs;
  config.learning_rate = 0.02;
  return config;
}

std::string temporary(const std::string& name) {
  return "/tmp/lossviz-network-test-" + std::to_string(::getpid()) + "-" + name;
}

}  // namespace

TEST_CASE("hidden widths parse from text and bad entries are named") {
  CHECK(lv::app::parse_hidden_widths("16, 8,4") == std::vector<int>{16, 8, 4});
  CHECK(lv::app::parse_hidden_widths("").empty());
  CHECK_THROWS_WITH_AS(lv::app::parse_hidden_widths("16,x"), doctest::Contains("'x'"),
                       lv::InputError);
  CHECK_THROWS_AS(lv::app::parse_hidden_widths("0"), lv::InputError);
}

TEST_CASE("training publishes one record per epoch and decision regions of the model") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(30));
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.history.size() == 30);
  CHECK(snapshot.task.empty());
  CHECK(snapshot.message.find("completed") != std::string::npos);
  // 3 classes: an untrained net predicts about uniformly, cross-entropy ln 3 ≈ 1.0986; Adam
  // makes clear progress within 30 epochs.
  CHECK(snapshot.history.back().train_loss < 0.9 * std::log(3.0));
  // The record's loss is the model's full-data loss at the published weights.
  const lv::Evaluation evaluation = session.model()->evaluate(
      session.parameters(), session.data().inputs, session.data().targets);
  CHECK(snapshot.history.back().train_loss == doctest::Approx(evaluation.loss).epsilon(1e-12));
  REQUIRE(snapshot.regions.size == 48);
  REQUIRE(snapshot.regions.values.size() == 48u * 48u);
  for (const double label : snapshot.regions.values)
    CHECK((label == 0 || label == 1 || label == 2));
  CHECK(snapshot.parameters_version >= 31);  // the initial weights and one per epoch
}

TEST_CASE("a random-plane landscape holds the model's loss, exactly at the origin") {
  lv::app::NetworkSession session;
  CHECK_THROWS_AS(session.start_landscape({}), lv::InputError);  // no model yet
  session.start_training(small_spirals(5));
  session.wait();
  lv::app::LandscapeConfig config;
  config.resolution = 9;  // coordinates -1, -0.75, ..., 1: index 4 is the origin
  session.start_landscape(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.surface.complete());
  CHECK(snapshot.message == "landscape complete");
  const double at_weights =
      session.model()->loss(session.parameters(), session.data().inputs, session.data().targets);
  CHECK(snapshot.surface.loss(4, 4) == doctest::Approx(at_weights).epsilon(1e-9));

  const std::string path = temporary("surface.h5");
  session.save_surface(path);
  const lv::SampledGrid grid = lv::read_surface_h5(path);
  std::remove(path.c_str());
  CHECK(grid.nx == 9);
  CHECK(grid.x_min == doctest::Approx(-1.0));
  CHECK(grid.at(4, 4) == doctest::Approx(at_weights).epsilon(1e-12));
  CHECK(grid.at(1, 7) == doctest::Approx(snapshot.surface.loss(1, 7)).epsilon(1e-12));
}

TEST_CASE("the PCA landscape carries the training path, which ends at the final weights") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(2));
  session.wait();
  lv::app::LandscapeConfig config;
  config.pca = true;
  session.start_training(small_spirals(12));
  session.wait();
  config.resolution = 11;
  session.start_landscape(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.path_x.size() == 13);  // the initial weights and one checkpoint per epoch
  CHECK(snapshot.path_x.back() == doctest::Approx(0.0).scale(1.0));
  CHECK(snapshot.path_y.back() == doctest::Approx(0.0).scale(1.0));
  // The path lies inside the plotted square.
  for (size_t k = 0; k < snapshot.path_x.size(); ++k) {
    CHECK(snapshot.path_x[k] >= snapshot.surface.x.front());
    CHECK(snapshot.path_x[k] <= snapshot.surface.x.back());
    CHECK(snapshot.path_y[k] >= snapshot.surface.y.front());
    CHECK(snapshot.path_y[k] <= snapshot.surface.y.back());
  }
}

TEST_CASE("a cancelled landscape stops early and says so") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(1));
  session.wait();
  lv::app::LandscapeConfig config;
  config.resolution = 401;  // 160,801 points: far longer than the cancel takes to arrive
  session.start_landscape(config);
  session.cancel();
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  CHECK(snapshot.message == "landscape cancelled");
  CHECK_FALSE(snapshot.surface.complete());
  CHECK_THROWS_AS(session.save_surface(temporary("none.h5")), lv::InputError);
}

TEST_CASE("loaded weights replace the trained ones") {
  lv::app::NetworkSession session;
  CHECK_THROWS_AS(session.load_weights("missing.safetensors"), lv::InputError);  // no model
  session.start_training(small_spirals(1));
  session.wait();
  lv::Vec weights = lv::Vec::Constant(session.model()->parameter_count(), 0.125);
  const std::string path = temporary("weights.safetensors");
  lv::save_parameters(*session.model(), weights, path);
  session.load_weights(path);
  std::remove(path.c_str());
  // Saved as F32: 0.125 is exact in float.
  CHECK((session.parameters().array() == 0.125).all());
  CHECK_THROWS_AS(session.load_weights(temporary("absent.safetensors")), lv::InputError);
}
