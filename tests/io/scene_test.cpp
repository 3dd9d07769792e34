// Scene JSON: parsing a hand-written scene, the round trip through scene_to_json, clear errors for
// malformed input, and unknown registry names reported per entry while the rest still loads.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "io/scene.hpp"

namespace {

// A lesson as a person writes it (values typed here, checked field by field below).
const char* k_hand_written = R"({
  "title": "Momentum in a ravine",
  "text": "Plain SGD zig-zags.",
  "function": "rosenbrock",
  "parameters": {"b": 50},
  "optimizers": [
    {"name": "sgd", "label": "heavy ball", "color": "#ff8000", "start": [-1.5, 2.0],
     "settings": {"lr": 0.001, "momentum": 0.9, "nesterov": true}},
    {"name": "sgd", "start": [0.5, -0.5]}
  ],
  "schedule": {"name": "constant"},
  "run": {"steps": 250, "noise": 0.5, "seed": 7, "clip_norm": 10},
  "view": {"mode": "3d", "box": [-2, 2, -1, 3], "camera": {"yaw": 0.3, "pitch": 0.4, "distance": 5},
           "colormap": "magma", "scale": "log", "contours": 24, "gradient_arrows": true}
})";

}  // namespace

TEST_CASE("parse_scene reads every field of a hand-written scene") {
  const lv::Scene scene = lv::parse_scene(k_hand_written);
  CHECK(scene.title == "Momentum in a ravine");
  CHECK(scene.text == "Plain SGD zig-zags.");
  CHECK(scene.function == "rosenbrock");
  REQUIRE(scene.parameters.size() == 1);
  CHECK(scene.parameters[0].name == "b");
  CHECK(scene.parameters[0].value == 50.0);
  REQUIRE(scene.optimizers.size() == 2);
  CHECK(scene.optimizers[0].label == "heavy ball");
  CHECK(scene.optimizers[0].color == "#ff8000");
  CHECK(scene.optimizers[0].start_x == -1.5);
  CHECK(scene.optimizers[0].start_y == 2.0);
  REQUIRE(scene.optimizers[0].settings.size() == 3);
  CHECK(scene.optimizers[0].settings[2].first == "nesterov");
  CHECK(scene.optimizers[0].settings[2].second == "true");
  CHECK(scene.optimizers[1].start_x == 0.5);
  CHECK(scene.steps == 250);
  CHECK(scene.noise_sigma == 0.5);
  CHECK(scene.seed == 7);
  CHECK(scene.clip_norm == 10.0);
  CHECK(scene.view.mode == "3d");
  CHECK(scene.view.has_box);
  CHECK(scene.view.box.y_max == 3.0);
  CHECK(scene.view.yaw == 0.3);
  CHECK(scene.view.distance == 5.0);
  CHECK(scene.view.colormap == "magma");
  CHECK(scene.view.log_scale);
  CHECK(scene.view.contours == 24);
  CHECK(scene.view.gradient_arrows);
}

TEST_CASE("a scene survives scene_to_json and parse_scene unchanged") {
  const lv::Scene original = lv::parse_scene(k_hand_written);
  const lv::Scene copy = lv::parse_scene(lv::scene_to_json(original));
  CHECK(copy.title == original.title);
  CHECK(copy.function == original.function);
  CHECK(copy.parameters[0].value == original.parameters[0].value);
  REQUIRE(copy.optimizers.size() == original.optimizers.size());
  for (size_t i = 0; i < copy.optimizers.size(); ++i) {
    CHECK(copy.optimizers[i].settings == original.optimizers[i].settings);
    CHECK(copy.optimizers[i].start_x == original.optimizers[i].start_x);
    CHECK(copy.optimizers[i].color == original.optimizers[i].color);
  }
  CHECK(copy.view.box.x_min == original.view.box.x_min);
  CHECK(copy.view.colormap == original.view.colormap);
  CHECK(copy.view.log_scale == original.view.log_scale);
  CHECK(copy.seed == original.seed);
  CHECK(lv::scene_to_json(copy) == lv::scene_to_json(original));
}

TEST_CASE("the scene's optimizers carry the settings it names") {
  const lv::Scene scene = lv::parse_scene(k_hand_written);
  const auto optimizer = lv::make_scene_optimizer(scene.optimizers[0]);
  CHECK(optimizer->hyperparameters().get("lr") == 0.001);
  CHECK(optimizer->hyperparameters().get("momentum") == 0.9);
  CHECK(optimizer->hyperparameters().flag("nesterov"));
  // Saving reads the settings back from the optimizer: the same values as text.
  const lv::SceneSettings saved = lv::scene_settings(optimizer->hyperparameters());
  const lv::SceneOptimizer resaved{"sgd", "", "", 0.0, 0.0, saved};
  CHECK(lv::make_scene_optimizer(resaved)->hyperparameters().get("momentum") == 0.9);
}

TEST_CASE("the scene's formula has its parameters applied") {
  // f = (a - x)^2 + b (y - x^2)^2 with b = 50 at (0, 1): 1 + 50 = 51, by hand.
  const lv::Expr expr = lv::make_scene_expr(lv::parse_scene(k_hand_written));
  CHECK(expr.value(lv::Vec::Map(std::vector<double>{0.0, 1.0}.data(), 2)) == doctest::Approx(51.0));
  const lv::Scene typed = lv::parse_scene(
      R"({"formula": "k*x^2 + y^2", "parameters": {"k": {"value": 3, "min": 0, "max": 9}}})");
  const lv::Expr typed_expr = lv::make_scene_expr(typed);
  CHECK(typed_expr.parameters()[0].max == 9.0);
  CHECK(typed_expr.value(lv::Vec::Map(std::vector<double>{1.0, 2.0}.data(), 2)) == 7.0);
}

TEST_CASE("unknown names are reported one by one, naming the entry") {
  const lv::Scene scene = lv::parse_scene(R"({"function": "rosenbrock",
    "optimizers": [{"name": "adamm"}, {"name": "sgd", "settings": {"momentun": 0.9}}, {"name": "sgd"}],
    "schedule": {"name": "cosine_whatever"}})");
  CHECK_THROWS_WITH_AS(lv::make_scene_optimizer(scene.optimizers[0]),
                       doctest::Contains("unknown optimizer 'adamm'"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::make_scene_optimizer(scene.optimizers[1]),
                       doctest::Contains("optimizer 'sgd'"), lv::InputError);
  CHECK_NOTHROW(lv::make_scene_optimizer(scene.optimizers[2]));
  CHECK_THROWS_WITH_AS(lv::make_scene_schedule(scene.schedule),
                       doctest::Contains("unknown schedule 'cosine_whatever'"), lv::InputError);
  const lv::Scene unknown_function = lv::parse_scene(R"({"function": "rosenbrok"})");
  CHECK_THROWS_WITH_AS(lv::make_scene_expr(unknown_function), doctest::Contains("rosenbrock"),
                       lv::InputError);
}

TEST_CASE("malformed scenes throw InputError naming the key") {
  CHECK_THROWS_WITH_AS(lv::parse_scene("{", "a.json"), doctest::Contains("a.json: not valid JSON"),
                       lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "formula": "x"})"),
                       doctest::Contains("exactly one of"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "run": {"steps": "many"}})"),
                       doctest::Contains("'steps' must be a number"), lv::InputError);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(
          R"({"function": "quadratic", "optimizers": [{"name": "sgd", "start": [1]}]})"),
      doctest::Contains("'start' must be an array of 2 numbers"), lv::InputError);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "quadratic", "view": {"box": [1, -1, 0, 1]}})"),
      doctest::Contains("'box'"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "run": {"seed": -1}})"),
                       doctest::Contains("'seed' must be a whole number"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "run": {"steps": 1e300}})"),
                       doctest::Contains("'steps' must be a whole number"), lv::InputError);
  CHECK_THROWS_AS(lv::load_scene("/nonexistent/scene.json"), lv::InputError);
}

TEST_CASE("the 2D center and zoom, the camera target and the playback survive the round trip") {
  // Values typed here; doubles must come back exactly (nlohmann::json writes shortest round-trip
  // text), so a saved scene redraws the same picture.
  const lv::Scene scene = lv::parse_scene(R"({"function": "booth",
    "view": {"center": [0.1, -0.30000000000000004], "units_per_pixel": 0.00731,
             "camera": {"target": [0.15, -0.2, 0.25]}},
    "playback": {"step": 137.5, "playing": false, "speed": 45, "loop": true, "tail": 25}})");
  CHECK(scene.view.has_center);
  CHECK(scene.view.center_y == -0.30000000000000004);
  CHECK(scene.view.units_per_pixel == 0.00731);
  CHECK(scene.view.target_z == 0.25);
  CHECK(scene.playback.step == 137.5);
  CHECK_FALSE(scene.playback.playing);
  CHECK(scene.playback.speed == 45.0);
  CHECK(scene.playback.loop);
  CHECK(scene.playback.tail == 25);
  const lv::Scene again = lv::parse_scene(lv::scene_to_json(scene));
  CHECK(again.view.center_x == 0.1);
  CHECK(again.view.center_y == -0.30000000000000004);
  CHECK(again.view.units_per_pixel == 0.00731);
  CHECK(again.view.target_x == 0.15);
  CHECK(again.playback.step == 137.5);
  CHECK(again.playback.tail == 25);
  CHECK(lv::scene_to_json(again) == lv::scene_to_json(scene));

  // Without them: the box is fitted, the camera orbits (0, 0, 0.3) and the animation plays.
  const lv::Scene plain = lv::parse_scene(R"({"function": "booth"})");
  CHECK_FALSE(plain.view.has_center);
  CHECK(plain.view.target_z == 0.3);
  CHECK(plain.playback.playing);
  CHECK(plain.playback.step == 0.0);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "booth", "view": {"center": [0, 0], "units_per_pixel": 0}})"),
      doctest::Contains("'units_per_pixel' must be > 0"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "booth", "playback": {"step": -1}})"),
                       doctest::Contains("'step' must be >= 0"), lv::InputError);
}

TEST_CASE(
    "curvature coloring, mesh resolution and the 2D region round-trip; older scenes default") {
  const lv::Scene scene = lv::parse_scene(R"({"function": "quadratic",
    "view": {"color_by_curvature": true, "mesh_resolution": 256, "region": [-0.5, 1.5, -1, 0.25]}})");
  CHECK(scene.view.color_by_curvature);
  CHECK(scene.view.mesh_resolution == 256);
  REQUIRE(scene.view.has_region);
  CHECK(scene.view.region.x_min == -0.5);
  CHECK(scene.view.region.y_max == 0.25);
  const lv::Scene copy = lv::parse_scene(lv::scene_to_json(scene));
  CHECK(copy.view.color_by_curvature);
  CHECK(copy.view.mesh_resolution == 256);
  REQUIRE(copy.view.has_region);
  CHECK(copy.view.region.x_max == 1.5);
  CHECK(copy.view.region.y_min == -1.0);
  // A scene written before these keys existed: curvature coloring off, automatic mesh, no region.
  const lv::Scene older = lv::parse_scene(R"({"function": "quadratic", "view": {"mode": "3d"}})");
  CHECK_FALSE(older.view.color_by_curvature);
  CHECK(older.view.mesh_resolution == 0);
  CHECK_FALSE(older.view.has_region);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "quadratic", "view": {"mesh_resolution": -4}})"),
      doctest::Contains("'mesh_resolution' must be a whole number"), lv::InputError);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "quadratic", "view": {"region": [0, 0, 0, 1]}})"),
      doctest::Contains("'region'"), lv::InputError);
}

TEST_CASE("a scene's network survives the round trip; scenes without one stay without") {
  const lv::Scene scene = lv::parse_scene(
      R"({"function": "quadratic", "network": {"data": "moons:n=100", "hidden": [8, 4],
          "activation": "relu", "optimizer": "gd", "lr": 0.25, "epochs": 400, "batch_size": 0,
          "seed": 3, "validation": 0.1, "loss": "mse", "sharpness_every": 7}})");
  const lv::SceneNetwork& network = scene.network;
  REQUIRE(network.present);
  CHECK(network.data == "moons:n=100");
  CHECK(network.hidden == std::vector<int>{8, 4});
  CHECK(network.activation == "relu");
  CHECK(network.learning_rate == 0.25);
  CHECK(network.batch_size == 0);
  CHECK(network.mse);
  CHECK(network.sharpness_every == 7);
  const lv::Scene again = lv::parse_scene(lv::scene_to_json(scene));
  CHECK(again.network.present);
  CHECK(again.network.hidden == network.hidden);
  CHECK(again.network.validation == 0.1);
  CHECK(again.network.seed == 3);
  CHECK(again.network.mse);
  CHECK(again.network.sharpness_every == 7);
  const lv::Scene plain = lv::parse_scene(R"({"function": "quadratic"})");
  CHECK_FALSE(plain.network.present);
  CHECK(lv::scene_to_json(plain).find("network") == std::string::npos);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "quadratic", "network": {"loss": "hinge"}})"),
      doctest::Contains("'loss' must be mse or cross_entropy"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "network": {"hidden": [0]}})"),
                       doctest::Contains("'hidden'"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_scene(R"({"function": "quadratic", "network": {"lr": -1}})"),
                       doctest::Contains("'lr'"), lv::InputError);
}

TEST_CASE("the curvature overlays and plots round-trip; older scenes have them off") {
  const lv::Scene scene = lv::parse_scene(R"({"function": "saddle",
    "view": {"hessian_eigenvectors": true, "quadratic_model": true, "curvature_plots": true}})");
  CHECK(scene.view.hessian_eigenvectors);
  CHECK(scene.view.quadratic_model);
  CHECK(scene.view.curvature_plots);
  const lv::Scene copy = lv::parse_scene(lv::scene_to_json(scene));
  CHECK(copy.view.hessian_eigenvectors);
  CHECK(copy.view.quadratic_model);
  CHECK(copy.view.curvature_plots);
  const lv::Scene only_model =
      lv::parse_scene(R"({"function": "saddle", "view": {"quadratic_model": true}})");
  CHECK_FALSE(only_model.view.hessian_eigenvectors);
  CHECK(only_model.view.quadratic_model);
  CHECK_FALSE(only_model.view.curvature_plots);
  const lv::Scene older = lv::parse_scene(R"({"function": "saddle", "view": {"mode": "2d"}})");
  CHECK_FALSE(older.view.hessian_eigenvectors);
  CHECK_FALSE(older.view.quadratic_model);
  CHECK_FALSE(older.view.curvature_plots);
  CHECK_THROWS_WITH_AS(
      lv::parse_scene(R"({"function": "saddle", "view": {"quadratic_model": "yes"}})"),
      doctest::Contains("quadratic_model"), lv::InputError);
}

TEST_CASE("a scene's network schedule and regularizers survive the round trip") {
  const lv::Scene scene = lv::parse_scene(
      R"({"function": "quadratic", "network": {"validation": 0.3, "patience": 25,
          "schedule": {"name": "cosine", "settings": {"T_max": "40"}}, "schedule_step": "epoch",
          "weight_decay": 0.01, "weight_decay_mode": "decoupled", "dropout": 0.2,
          "clip_norm": 1.5}})");
  const lv::Scene again = lv::parse_scene(lv::scene_to_json(scene));
  for (const lv::SceneNetwork* network : {&scene.network, &again.network}) {
    CHECK(network->schedule.name == "cosine");
    REQUIRE(network->schedule.settings.size() == 1);
    CHECK(network->schedule_step == "epoch");
    CHECK(network->weight_decay == 0.01);
    CHECK(network->weight_decay_mode == "decoupled");
    CHECK(network->dropout == 0.2);
    CHECK(network->patience == 25);
    CHECK(network->clip_norm == 1.5);
  }
  const lv::Scene plain = lv::parse_scene(R"({"function": "quadratic", "network": {}})");
  CHECK(plain.network.schedule.name == "constant");
  CHECK(plain.network.weight_decay_mode == "l2");
  CHECK(plain.network.patience == 0);
  for (const char* bad :
       {R"("dropout": 1)", R"("weight_decay_mode": "l1")", R"("schedule_step": "batch")",
        R"("clip_norm": -1)", R"("patience": -2)"}) {
    CHECK_THROWS_AS(
        lv::parse_scene(std::string(R"({"function": "quadratic", "network": {)") + bad + "}}"),
        lv::InputError);
  }
}
