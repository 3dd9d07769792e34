// Undo and redo: the bounded snapshot history (undo_history.hpp) on plain strings, the app's
// snapshots of the state (state_actions.hpp), and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y pressed in the
// window (lossviz --input) after a click moved a start point.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "gui_process.hpp"
#include "io/scene.hpp"
#include "process.hpp"
#include "state_actions.hpp"
#include "undo_history.hpp"

namespace {

using lv::app::UndoHistory;

lv::app::AppState state_from(const std::string& json) {
  lv::app::AppState state;
  CHECK(lv::app::apply_scene(state, lv::parse_scene(json)).empty());
  return state;
}

const char* k_scene = R"({"function": "quadratic", "parameters": {"kappa": 10},
  "optimizers": [{"name": "sgd", "label": "slow", "start": [-1.5, 1.0], "settings": {"lr": 0.05}}],
  "playback": {"playing": false, "step": 12},
  "network": {"data": "xor", "hidden": [4], "epochs": 1}})";

}  // namespace

TEST_CASE("the undo history: the first snapshot is the start, changes are steps, undo and redo") {
  UndoHistory history;
  CHECK_FALSE(history.record("a"));  // the starting point, nothing to undo yet
  CHECK_FALSE(history.can_undo());
  CHECK_FALSE(history.record("a"));  // unchanged: no step
  CHECK(history.record("b"));
  CHECK(history.record("c"));
  CHECK(history.size() == 3);
  CHECK(history.undo() == std::optional<std::string>("b"));
  CHECK(history.undo() == std::optional<std::string>("a"));
  CHECK_FALSE(history.undo().has_value());
  CHECK(history.can_redo());
  CHECK(history.redo() == std::optional<std::string>("b"));
  CHECK_FALSE(history.record("b"));  // what the undo showed is no new step
  CHECK(history.redo() == std::optional<std::string>("c"));
  CHECK_FALSE(history.redo().has_value());
}

TEST_CASE("a new change after an undo drops the redo steps") {
  UndoHistory history;
  for (const char* snapshot : {"a", "b", "c"}) history.record(snapshot);
  CHECK(history.undo() == std::optional<std::string>("b"));
  CHECK(history.record("d"));
  CHECK_FALSE(history.can_redo());
  CHECK(history.size() == 3);  // a, b, d
  CHECK(history.undo() == std::optional<std::string>("b"));
  CHECK(history.undo() == std::optional<std::string>("a"));
}

TEST_CASE("the history keeps at most its capacity, dropping the oldest snapshots") {
  UndoHistory history(5);
  for (int i = 0; i < 12; ++i) history.record(std::to_string(i));
  CHECK(history.size() == 5);
  int undone = 0;
  std::optional<std::string> last;
  while (auto snapshot = history.undo()) {
    last = snapshot;
    ++undone;
  }
  CHECK(undone == 4);
  CHECK(last == std::optional<std::string>("7"));  // 7..11 kept
  history.replace_current("seven");
  CHECK_FALSE(history.record("seven"));
  CHECK(history.redo() == std::optional<std::string>("8"));
}

TEST_CASE("undo on the state: optimizers, parameters, starts and the view come back") {
  lv::app::AppState state = state_from(k_scene);
  lv::app::record_undo_step(state);
  lv::app::add_optimizer(state, "adam");
  lv::app::record_undo_step(state);
  lv::app::set_formula_parameter(state, 0, 50.0);
  state.optimizers[0].start_x = 0.5;
  state.view.view2d.units_per_pixel = 0.02;
  state.view.camera.yaw = 1.25f;
  lv::app::record_undo_step(state);  // one step for the three edits
  state.playback.step = 3;           // time moving is not an edit
  lv::app::record_undo_step(state);
  CHECK(state.ui.undo.size() == 3);

  REQUIRE(lv::app::undo_scene_change(state));
  CHECK(state.optimizers.size() == 2);
  CHECK(state.function.expr.parameter_values()[0] == 10.0);
  CHECK(state.optimizers[0].start_x == -1.5);
  CHECK(state.view.camera.yaw != 1.25f);
  CHECK(state.playback.step == 3);  // the playback, the network and its training stay
  CHECK(state.network.in_scene);
  lv::app::record_undo_step(state);  // applying the snapshot is no new step
  CHECK(state.ui.undo.can_redo());

  REQUIRE(lv::app::undo_scene_change(state));
  CHECK(state.optimizers.size() == 1);
  CHECK_FALSE(lv::app::undo_scene_change(state));

  REQUIRE(lv::app::redo_scene_change(state));
  REQUIRE(lv::app::redo_scene_change(state));
  CHECK(state.optimizers.size() == 2);
  CHECK(state.function.expr.parameter_values()[0] == 50.0);
  CHECK(state.optimizers[0].start_x == 0.5);
  CHECK(state.view.view2d.units_per_pixel == 0.02);
  CHECK(state.view.camera.yaw == 1.25f);
  CHECK_FALSE(lv::app::redo_scene_change(state));
  state.network.session->cancel();
  state.network.session->wait();
}

TEST_CASE("Ctrl+Z in the window undoes a click that moved a start; Ctrl+Shift+Z and Ctrl+Y redo") {
  // The click alone moves the start to the point under window pixel (980, 100); undo puts the
  // scene's start back, redo brings the clicked point again.
  const std::string click =
      "frame 5\nmove 980 100\nframe 6\npress left\nframe 7\nrelease left\nframe 9\n";
  const std::string undo = "key ctrl down\nkey z down\nframe 10\nkey z up\nkey ctrl up\n";
  const auto replay = [&](const std::string& script) {
    const std::string input_path = lv::test::temporary("undo-input.txt");
    const std::string scene_path = lv::test::temporary("undo-saved.json");
    std::ofstream(input_path) << script;
    const auto process = lv::test::run_process(lv::test::gui(
        "--size 1280x720 --frames 20 --scene " + std::string(LOSSVIZ_GUI_TEST_DATA_DIR) +
        "/mouse_scene.json --input " + input_path + " --save-scene " + scene_path));
    INFO("stderr: " << process.err);
    REQUIRE(process.exit_code == 0);
    const lv::Scene scene = lv::load_scene(scene_path);
    std::remove(input_path.c_str());
    std::remove(scene_path.c_str());
    return scene;
  };
  const lv::Scene clicked = replay(click);
  const double clicked_x = clicked.optimizers[0].start_x, clicked_y = clicked.optimizers[0].start_y;
  CHECK(clicked_x != -1.0);
  const lv::Scene undone = replay(click + undo);
  CHECK(undone.optimizers[0].start_x == -1.0);  // the scene's start is back
  CHECK(undone.optimizers[0].start_y == 1.0);
  const lv::Scene redone =
      replay(click + undo +
             "frame 12\nkey ctrl down\nkey shift down\nkey z down\nframe 13\nkey z up\n"
             "key shift up\nkey ctrl up\n");
  CHECK(redone.optimizers[0].start_x == doctest::Approx(clicked_x));
  CHECK(redone.optimizers[0].start_y == doctest::Approx(clicked_y));
  const lv::Scene redone_y = replay(
      click + undo + "frame 12\nkey ctrl down\nkey y down\nframe 13\nkey y up\nkey ctrl up\n");
  CHECK(redone_y.optimizers[0].start_x == doctest::Approx(clicked_x));
}
