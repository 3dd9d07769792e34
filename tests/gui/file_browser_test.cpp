// The file browser in the window (lossviz --input): the Scenes panel's "..." opens it on the
// folder of the scene on show with that scene selected; Down selects the next file and Enter
// opens it, as the panel's open button would.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "gui_process.hpp"
#include "io/scene.hpp"
#include "process.hpp"

TEST_CASE("the Scenes panel's browser opens the file chosen with the keys") {
  // Window coordinates of the control panel (380 px wide at any window size): clicking the
  // headers Function, Optimizers, Playback and View (open at start) folds them, so Scenes and
  // lessons sits 26 px below View and its file field's "..." at (240, 197).
  std::string script;
  int frame = 3;
  for (const int y : {40, 66, 92, 119, 145, 197}) {
    script += "frame " + std::to_string(frame) + "\nmove " + (y == 197 ? "240 " : "66 ") +
              std::to_string(y) + "\nframe " + std::to_string(frame + 1) + "\npress left\nframe " +
              std::to_string(frame + 2) + "\nrelease left\n";
    frame += 4;
  }
  // mouse_scene.json is selected; the next .json file in tests/gui/data is orbit_paused_3d.json.
  script +=
      "frame 30\nkey down down\nframe 31\nkey down up\nframe 33\nkey enter down\n"
      "frame 34\nkey enter up\n";
  const std::string input_path = lv::test::temporary("browser-input.txt");
  const std::string scene_path = lv::test::temporary("browser-saved.json");
  std::ofstream(input_path) << script;
  const auto process = lv::test::run_process(lv::test::gui(
      "--size 1280x720 --frames 40 --scene " + std::string(LOSSVIZ_GUI_TEST_DATA_DIR) +
      "/mouse_scene.json --input " + input_path + " --save-scene " + scene_path));
  INFO("stderr: " << process.err);
  REQUIRE(process.exit_code == 0);
  const lv::Scene saved = lv::load_scene(scene_path);
  const lv::Scene expected =
      lv::load_scene(std::string(LOSSVIZ_GUI_TEST_DATA_DIR) + "/orbit_paused_3d.json");
  CHECK(saved.view.mode == expected.view.mode);
  CHECK(saved.function == expected.function);
  REQUIRE(saved.optimizers.size() == expected.optimizers.size());
  CHECK(saved.optimizers[0].start_x == expected.optimizers[0].start_x);
  std::remove(input_path.c_str());
  std::remove(scene_path.c_str());
}
