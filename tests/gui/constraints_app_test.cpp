// Constraints in the app: a scene's constraints survive save/load, every constrained method in
// the race ends at the KKT point with the multiplier known by hand, a bad constraint is named and
// leaves the last good set; and in the picture the infeasible side is darker and the boundary
// white. The QP: min (x − 2)² + (y − 1)² s.t. x + y <= 1, x >= 0 → (1, 0), λ = (2, 0) (by hand:
// (−2, −2) + λ1 (1, 1) = 0).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "gui_process.hpp"
#include "io/scene.hpp"
#include "kkt_view.hpp"
#include "process.hpp"
#include "state_actions.hpp"

namespace {

const std::string k_scene = std::string(LOSSVIZ_GUI_TEST_DATA_DIR) + "/constrained_qp.json";

}  // namespace

TEST_CASE("a constrained scene: every method ends at the KKT point; the set round-trips") {
  lv::app::AppState state;
  const lv::Scene scene = lv::load_scene(k_scene);
  REQUIRE(scene.constraints.size() == 2);
  CHECK(lv::app::apply_scene(state, scene).empty());
  REQUIRE(state.function.constraints.size() == 2);
  lv::app::rerun_trajectories(state);
  REQUIRE(state.run.trajectories.size() == 4);
  for (size_t slot = 0; slot < 4; ++slot) {
    CAPTURE(state.optimizers[slot].label);
    CHECK(state.optimizers[slot].error.empty());
    const auto kkt = lv::app::final_kkt_view(state, slot);
    REQUIRE(kkt.has_value());
    // The race keeps the same check for the Playback panel.
    REQUIRE(state.run.final_kkt.size() == 4);
    REQUIRE(state.run.final_kkt[slot].has_value());
    CHECK(state.run.final_kkt[slot]->point == kkt->point);
    CHECK(state.run.final_kkt[slot]->report.satisfied == kkt->report.satisfied);
    CHECK(kkt->report.satisfied);
    CHECK(kkt->point[0] == doctest::Approx(1.0).epsilon(1e-5));
    CHECK(kkt->point[1] == doctest::Approx(0.0).scale(1.0).epsilon(1e-5));
    CHECK(kkt->report.multipliers[0] == doctest::Approx(2.0).epsilon(1e-4));
    CHECK(kkt->report.multipliers[1] == doctest::Approx(0.0).scale(1.0).epsilon(1e-4));
    // ∇f + λ1 ∇g1 = 0: the arrows cancel.
    CHECK((kkt->gradient + kkt->weighted[0] + kkt->weighted[1]).norm() < 1e-4);
  }
  const lv::Scene captured = lv::app::capture_scene(state);
  CHECK(captured.constraints == scene.constraints);
  CHECK(lv::parse_scene(lv::scene_to_json(captured)).constraints == scene.constraints);
  // A malformed constraint is named (with its column) and the last good set stays.
  CHECK_FALSE(lv::app::set_constraints(state, {"x + y <= 1", "x +* y >= 0"}));
  CHECK(state.function.constraint_error.find("x +* y >= 0") != std::string::npos);
  CHECK(state.function.constraint_error.find("col") != std::string::npos);
  CHECK(state.function.constraints.size() == 2);
  state.run.session->cancel();
  state.network.session->cancel();
  state.network.session->wait();
}

TEST_CASE("the picture hatches the infeasible side and draws the boundary") {
  const auto shoot = [](const std::string& scene_path, const std::string& name,
                        nlohmann::json& layout) {
    const std::string png = lv::test::temporary(name + ".png");
    const std::string layout_path = lv::test::temporary(name + ".json");
    const auto result = lv::test::run_process(lv::test::gui("--size 1280x720 --frames 10 --scene " +
                                                            scene_path + " --screenshot " + png +
                                                            " --layout-out " + layout_path));
    REQUIRE(result.exit_code == 0);
    std::ifstream file(layout_path);
    layout = nlohmann::json::parse(file);
    lv::test::Image image = lv::test::load_png(png);
    std::remove(png.c_str());
    std::remove(layout_path.c_str());
    return image;
  };
  // The same scene without its constraints.
  nlohmann::json free_scene = nlohmann::json::parse(std::ifstream(k_scene));
  free_scene.erase("constraints");
  free_scene["optimizers"] = nlohmann::json::array();
  nlohmann::json constrained = nlohmann::json::parse(std::ifstream(k_scene));
  constrained["optimizers"] = nlohmann::json::array();
  const std::string free_path = lv::test::temporary("free.json");
  const std::string constrained_path = lv::test::temporary("constrained.json");
  std::ofstream(free_path) << free_scene.dump();
  std::ofstream(constrained_path) << constrained.dump();
  nlohmann::json layout_free, layout;
  const lv::test::Image plain = shoot(free_path, "free", layout_free);
  const lv::test::Image hatched = shoot(constrained_path, "constrained", layout);
  const auto pixel = [&](double x, double y) {
    const auto& scene = layout.at("scene");
    const auto& view = layout.at("view2d");
    const double units = view.at("units_per_pixel").get<double>();
    return std::pair<int, int>{
        static_cast<int>(scene[0].get<double>() + 0.5 * scene[2].get<double>() +
                         (x - view.at("center")[0].get<double>()) / units),
        static_cast<int>(scene[1].get<double>() + 0.5 * scene[3].get<double>() -
                         (y - view.at("center")[1].get<double>()) / units)};
  };
  const auto brightness = [](const lv::test::Image& image, std::pair<int, int> at) {
    double sum = 0;
    for (int dy = -4; dy <= 4; ++dy)
      for (int dx = -4; dx <= 4; ++dx)
        for (int c = 0; c < 3; ++c) sum += image.at(at.first + dx, at.second + dy)[c];
    return sum / (81.0 * 3.0);
  };
  CHECK(layout.at("scene") == layout_free.at("scene"));
  // Infeasible (x + y > 1): darker than the unconstrained picture there.
  CHECK(brightness(hatched, pixel(-2.0, 2.0)) < 0.8 * brightness(plain, pixel(-2.0, 2.0)));
  // Feasible: unchanged.
  CHECK(std::abs(brightness(hatched, pixel(0.4, -1.2)) - brightness(plain, pixel(0.4, -1.2))) <
        3.0);
  // On the boundary x + y = 1 at (0.5, 0.5): a white line.
  const unsigned char* on_line = hatched.at(pixel(0.5, 0.5).first, pixel(0.5, 0.5).second);
  CHECK(on_line[0] > 200);
  CHECK(on_line[1] > 200);
  CHECK(on_line[2] > 200);
  std::remove(free_path.c_str());
  std::remove(constrained_path.c_str());
}
