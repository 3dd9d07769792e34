// Files dropped onto the window: their classification by type, what each does to the state, and
// a drop replayed in the window (lossviz --input with a `drop` line) that opens a scene.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "dropped_files.hpp"
#include "gui_process.hpp"
#include "io/scene.hpp"
#include "process.hpp"
#include "state_actions.hpp"

namespace {

using lv::app::classify_dropped_file;
using lv::app::DropKind;

const std::string k_scene_dir = LOSSVIZ_GUI_TEST_DATA_DIR;

}  // namespace

TEST_CASE("a dropped file is classified by its extension; folders and other files are named") {
  CHECK(classify_dropped_file("/a/lesson.json").kind == DropKind::Scene);
  CHECK(classify_dropped_file("/a/LESSON.JSON").kind == DropKind::Scene);
  CHECK(classify_dropped_file("/a/surface.h5").kind == DropKind::Surface);
  CHECK(classify_dropped_file("/a/surface.hdf5").kind == DropKind::Surface);
  CHECK(classify_dropped_file("/a/w.safetensors").kind == DropKind::Weights);
  CHECK(classify_dropped_file("/a/points.csv").kind == DropKind::Data);
  CHECK(classify_dropped_file("/a/notes.txt").kind == DropKind::Unknown);
  CHECK(classify_dropped_file("/a/no_extension").kind == DropKind::Unknown);
  CHECK(classify_dropped_file(k_scene_dir).kind == DropKind::Folder);
  CHECK(classify_dropped_file("/a/lesson.json").path == "/a/lesson.json");
}

TEST_CASE("applying a drop: scenes and surfaces are load requests, data fills the Network panel") {
  lv::app::AppState state;
  lv::app::apply_dropped_file(state, classify_dropped_file("/a/lesson.json"));
  CHECK(state.ui.load_request == "/a/lesson.json");
  lv::app::apply_dropped_file(state, classify_dropped_file("/a/surface.h5"));
  CHECK(state.ui.load_request == "/a/surface.h5");
  lv::app::apply_dropped_file(state, classify_dropped_file("/a/points.csv"));
  CHECK(state.network.config.data == "/a/points.csv");
  REQUIRE(state.ui.messages.size() == 1);
  CHECK(state.ui.messages[0].find("points.csv") != std::string::npos);
}

TEST_CASE("a drop that cannot be used leaves a message, never an exception") {
  lv::app::AppState state;
  CHECK_NOTHROW(lv::app::apply_dropped_file(state, classify_dropped_file("/a/notes.txt")));
  REQUIRE(state.ui.messages.size() == 1);
  CHECK(state.ui.messages[0].find("cannot open notes.txt") == 0);
  CHECK(state.ui.messages[0].find(".safetensors") != std::string::npos);
  // Weights without a trained model (and from a file that does not exist).
  CHECK_NOTHROW(
      lv::app::apply_dropped_file(state, classify_dropped_file("/nowhere/w.safetensors")));
  CHECK(state.network.weights_path == "/nowhere/w.safetensors");
  CHECK(state.ui.messages[0].find("cannot load the weights w.safetensors") == 0);
  CHECK_FALSE(state.network.error.empty());
  CHECK_NOTHROW(lv::app::apply_dropped_file(state, classify_dropped_file(k_scene_dir)));
  CHECK(state.ui.messages[0].find("cannot open the folder") == 0);
}

TEST_CASE("a scene dropped onto the window opens; an unknown file changes nothing") {
  const std::string input_path = lv::test::temporary("drop-input.txt");
  const std::string scene_path = lv::test::temporary("drop-saved.json");
  const std::string notes_path = lv::test::temporary("notes.txt");
  std::ofstream(notes_path) << "not a scene";
  std::ofstream(input_path) << "frame 3\ndrop " << notes_path << "\nframe 5\ndrop " << k_scene_dir
                            << "/magenta_sgd.json\n";
  const auto process = lv::test::run_process(
      lv::test::gui("--size 1280x720 --frames 12 --scene " + k_scene_dir +
                    "/mouse_scene.json --input " + input_path + " --save-scene " + scene_path));
  INFO("stderr: " << process.err);
  REQUIRE(process.exit_code == 0);
  const lv::Scene saved = lv::load_scene(scene_path);
  const lv::Scene dropped = lv::load_scene(k_scene_dir + "/magenta_sgd.json");
  CHECK(saved.function == "rosenbrock");  // mouse_scene.json shows the quadratic
  REQUIRE(saved.optimizers.size() == dropped.optimizers.size());
  CHECK(saved.optimizers[0].color == dropped.optimizers[0].color);
  CHECK(saved.optimizers[0].start_x == dropped.optimizers[0].start_x);
  for (const std::string& path : {input_path, scene_path, notes_path}) std::remove(path.c_str());
}
