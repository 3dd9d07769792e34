// The claim of the lesson assets/scenes/11_float16_stall.json, checked headless: run as the app
// runs it (each optimizer in its saved number format), the float16 run stops moving (its last
// updates are exactly 0) with its loss above the float32 run's, which keeps decreasing.
#include <doctest/doctest.h>

#include <filesystem>

#include "io/scene.hpp"
#include "numeric/precision.hpp"
#include "objective/formula_objective.hpp"
#include "run/runner.hpp"

TEST_CASE("lesson 11: the float16 run stalls above the float32 run") {
  const lv::Scene scene = lv::load_scene(
      (std::filesystem::path(LOSSVIZ_SOURCE_DIR) / "assets/scenes/11_float16_stall.json").string());
  const lv::FormulaObjective objective(lv::Expr::parse(scene.formula, scene.parameters));
  REQUIRE(scene.optimizers.size() == 2);
  std::vector<lv::Trajectory> runs;
  for (const lv::SceneOptimizer& entry : scene.optimizers) {
    auto optimizer = lv::make_scene_optimizer(entry);
    lv::RunSettings settings;
    settings.max_steps = scene.steps;
    settings.precision.format = lv::parse_number_format(entry.precision);
    runs.push_back(lv::run_optimizer(objective, *optimizer, nullptr,
                                     lv::Vec{{entry.start_x, entry.start_y}}, settings));
  }
  REQUIRE(scene.optimizers[0].precision == "float32");
  REQUIRE(scene.optimizers[1].precision == "float16");
  const lv::Trajectory& single = runs[0];
  const lv::Trajectory& half = runs[1];
  REQUIRE(half.size() == scene.steps + 1);
  for (int row = half.size() - 200; row < half.size(); ++row) {
    CHECK(half.update_norm[row] == 0.0);
    CHECK(half.loss[row] == half.loss.back());  // the loss stopped decreasing
  }
  CHECK(half.loss.back() > 100.0 * single.loss.back());
  // At step 500 the float16 run has stopped for good; the float32 run is still descending.
  CHECK(half.loss[500] == half.loss.back());
  CHECK(single.loss[500] > 1000.0 * single.loss.back());
}
