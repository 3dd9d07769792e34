// The curvature overlays and readouts, GL-free (src/app/curvature_view): the race installs a
// curvature track per slot (λ of the quadratic ½(x² + κy²) is 1 and κ everywhere, and SGD's limit
// 2/lr), arrow lengths are log-compressed, the overlay geometry follows the toggles and draws
// negative curvature in its own color, and the readout text says "—" where no lr is stable. The
// screenshot test renders a scene with every overlay on, in the dark and light theme.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "curvature_view.hpp"
#include "gui_process.hpp"
#include "io/scene.hpp"
#include "process.hpp"
#include "state_actions.hpp"

namespace {

lv::app::AppState state_from(const std::string& json) {
  lv::app::AppState state;
  const std::vector<std::string> problems = lv::app::apply_scene(state, lv::parse_scene(json));
  CHECK(problems.empty());
  return state;
}

// ½(x² + 10y²): λ = 1 and 10 everywhere. lr 0.05: limit 40 (stable); lr 0.21: limit 9.52 < 10.
const char* k_race = R"({"function": "quadratic", "parameters": {"kappa": 10},
  "optimizers": [
    {"name": "sgd", "label": "stable", "start": [-1.6, 1.0], "settings": {"lr": 0.05}},
    {"name": "sgd", "label": "unstable", "start": [-1.6, 1.0], "settings": {"lr": 0.21}},
    {"name": "adam", "label": "adam", "start": [-1.6, 1.0], "settings": {"lr": 0.05}}],
  "run": {"steps": 40},
  "view": {"hessian_eigenvectors": true, "quadratic_model": true, "curvature_plots": true}})";

bool same_color(const std::array<float, 4>& a, const std::array<float, 4>& b) {
  return a == b;
}

}  // namespace

TEST_CASE("the race installs curvature per slot: λ, κ, the stability limit and its crossings") {
  lv::app::AppState state = state_from(k_race);
  CHECK(state.view.hessian_eigenvectors);
  CHECK(state.view.quadratic_model);
  CHECK(state.ui.curvature_plots);
  lv::app::rerun_trajectories(state);
  REQUIRE(state.run.curvature.size() == 3);
  const lv::CurvatureTrack& stable = state.run.curvature[0];
  REQUIRE(stable.size() == state.run.trajectories[0].size());
  CHECK(stable.lambda_min.front() == doctest::Approx(1.0));
  CHECK(stable.lambda_max.back() == doctest::Approx(10.0));
  CHECK(stable.condition.front() == doctest::Approx(10.0));
  REQUIRE(stable.has_limit());
  CHECK(stable.stability_limit.front() == doctest::Approx(2.0 / 0.05));
  CHECK(stable.crossings.empty());
  const lv::CurvatureTrack& unstable = state.run.curvature[1];
  REQUIRE(unstable.has_limit());
  CHECK(unstable.stability_limit.front() == doctest::Approx(2.0 / 0.21));
  REQUIRE(unstable.crossings.size() == 1);
  CHECK(unstable.crossings.front() == 0);
  CHECK_FALSE(state.run.curvature[2].has_limit());            // adam: no fixed-step limit
  CHECK(state.run.curvature_scale == doctest::Approx(10.0));  // 90th percentile of {1, 10, ...}
  // The ring shows once the playback reaches the crossing (row 0: at once).
  state.playback.step = 0.0;
  const std::vector<lv::app::CrossingRing> rings = lv::app::crossing_rings(state);
  REQUIRE(rings.size() == 1);
  CHECK(rings.front().slot == 1);
  CHECK(rings.front().x == doctest::Approx(-1.6));
  // Removing a slot keeps the tracks aligned with the slots.
  lv::app::remove_optimizer(state, 0);
  REQUIRE(state.run.curvature.size() == 2);
  CHECK(state.run.curvature[0].crossings.size() == 1);
}

TEST_CASE("eigenvector arrows: full length at the race's typical |λ|, a quarter less per decade") {
  CHECK(lv::app::eigen_arrow_fraction(10.0, 10.0) == doctest::Approx(1.0));
  CHECK(lv::app::eigen_arrow_fraction(100.0, 10.0) == doctest::Approx(1.0));
  CHECK(lv::app::eigen_arrow_fraction(1.0, 10.0) == doctest::Approx(0.75));
  CHECK(lv::app::eigen_arrow_fraction(-0.1, 10.0) == doctest::Approx(0.5));
  CHECK(lv::app::eigen_arrow_fraction(0.0, 10.0) == lv::app::k_min_arrow_fraction);
  CHECK(lv::app::eigen_arrow_fraction(1e-9, 10.0) == lv::app::k_min_arrow_fraction);
  CHECK(lv::app::typical_curvature({}) == 1.0);
}

TEST_CASE("the overlay follows the toggles; negative curvature gets its own color") {
  lv::app::AppState state = state_from(k_race);
  lv::app::rerun_trajectories(state);
  state.playback.step = 3.5;
  const std::vector<lv::app::OverlayLine> both = lv::app::curvature_overlay(state, 0.01);
  CHECK(!both.empty());
  for (const lv::app::OverlayLine& line : both) {
    CHECK(line.points.size() >= 2);
    CHECK_FALSE(same_color(line.color, lv::app::k_negative_curvature_color));  // a bowl
  }
  state.view.quadratic_model = false;
  const size_t arrows = lv::app::curvature_overlay(state, 0.01).size();
  CHECK(arrows < both.size());
  // Per optimizer: 2 arrows (a shaft and 2 heads each), every line with its underlay.
  CHECK(arrows == 3 * 2 * 3 * 2);
  state.view.hessian_eigenvectors = false;
  CHECK(lv::app::curvature_overlay(state, 0.01).empty());

  lv::app::AppState saddle = state_from(R"({"function": "saddle",
    "optimizers": [{"name": "sgd", "start": [0.5, 0.1], "settings": {"lr": 0.01}}],
    "run": {"steps": 10}, "view": {"hessian_eigenvectors": true}})");
  lv::app::rerun_trajectories(saddle);
  bool negative = false;
  for (const lv::app::OverlayLine& line : lv::app::curvature_overlay(saddle, 0.01)) {
    negative = negative || same_color(line.color, lv::app::k_negative_curvature_color);
  }
  CHECK(negative);
}

TEST_CASE("curvature readout text: λ1, λ2, κ and 2/λmax, with — where no lr is stable") {
  CHECK(lv::app::stable_lr_text(8.0) == "2/λmax = 0.25");
  CHECK(lv::app::stable_lr_text(0.0) == "2/λmax = —");
  CHECK(lv::app::stable_lr_text(-3.0) == "2/λmax = —");
  CHECK(lv::app::curvature_text(2.0, 8.0) == "λ1 = 2, λ2 = 8, κ = 4, 2/λmax = 0.25");
  CHECK(lv::app::curvature_text(-2.0, -1.0) == "λ1 = -2, λ2 = -1, κ = 2, 2/λmax = —");
  CHECK(lv::app::curvature_text(0.0, 1.0) == "λ1 = 0, λ2 = 1, κ = ∞, 2/λmax = 2");
}

TEST_CASE("screenshot: eigenvector arrows, the quadratic model and the curvature plots show") {
  // A saddle, so one arrow per point is negative curvature (magenta, a color no run here uses).
  const std::string scene = std::string(LOSSVIZ_GUI_TEST_DATA_DIR) + "/curvature_overlays.json";
  const auto shoot = [&](const std::string& name, const std::string& extra) {
    const std::string path = lv::test::temporary(name + ".png");
    const lv::test::ProcessResult result = lv::test::run_process(lv::test::gui(
        "--size 1280x720 --frames 30 --scene " + scene + " --screenshot " + path + " " + extra));
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    lv::test::Image image = lv::test::load_png(path);
    std::remove(path.c_str());
    return image;
  };
  const auto magenta = [](const lv::test::Image& image) {
    long count = 0;
    for (int y = 60; y < 490; ++y) {
      for (int x = 400; x < 1260; ++x) {
        const unsigned char* p = image.at(x, y);
        count += p[0] > 200 && p[1] < 80 && p[2] > 190;
      }
    }
    return count;
  };
  const lv::test::Image dark = shoot("curvature-dark", "");
  const lv::test::Image light = shoot("curvature-light", "--light");
  CHECK(magenta(dark) > 60);
  CHECK(magenta(light) > 60);
  // The same scene with the overlays off: the picture loses them, the plots go back to norms.
  const std::string plain_scene = lv::test::temporary("curvature-plain.json");
  {
    lv::Scene plain = lv::load_scene(scene);
    plain.view.hessian_eigenvectors = plain.view.quadratic_model = plain.view.curvature_plots =
        false;
    lv::save_scene(plain_scene, plain);
  }
  const std::string path = lv::test::temporary("curvature-plain.png");
  const lv::test::ProcessResult result = lv::test::run_process(lv::test::gui(
      "--size 1280x720 --frames 30 --scene " + plain_scene + " --screenshot " + path));
  REQUIRE(result.exit_code == 0);
  const lv::test::Image plain = lv::test::load_png(path);
  std::remove(path.c_str());
  std::remove(plain_scene.c_str());
  CHECK(magenta(plain) < 5);
  long differing_picture = 0, differing_plots = 0;
  for (int y = 0; y < 720; ++y) {
    for (int x = 400; x < 1280; ++x) {
      const unsigned char *a = dark.at(x, y), *b = plain.at(x, y);
      const bool differs =
          std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 30;
      (y < 500 ? differing_picture : differing_plots) += differs;
    }
  }
  CHECK(differing_picture > 1500);  // arrows and level sets
  CHECK(differing_plots > 500);     // λmax, λmin, κ instead of the norms
}
