// Replayed mouse and keyboard input (lossviz --input) against the state it leaves (--save-scene)
// and the pictures it draws. Expected numbers come from the view geometry: the app reports where
// the picture lies (--layout-out: right of the 380 px control panel, above the 210 px plots,
// inside the axes' margins). The scene files ask for the region [-4.5, 4.5] x [-2, 2]; fitting
// it into the picture's W x H pixels gives max(9 / W, 4 / H) units per pixel around (0, 0), so
// window pixel (mx, my) is function point ((mx - cx) u, (cy - my) u) with (cx, cy) the picture's
// centre.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "common/errors.hpp"
#include "gui_process.hpp"
#include "input_script.hpp"
#include "io/scene.hpp"
#include "process.hpp"

namespace {

using lv::test::gui;
using lv::test::temporary;

const std::string k_scene_dir = LOSSVIZ_GUI_TEST_DATA_DIR;

struct Replayed {
  lv::Scene scene;
  std::string picture_path;  // empty unless asked for
};

// The picture's centre in window pixels in the last replay (from --layout-out), where the scenes
// put the function point (0, 0), and the units per pixel that fit their region into it.
double g_center_x = 830.0, g_center_y = 255.0, g_units = 0.01;

// Runs lossviz on `scene_file` with the input `script`; returns the scene saved at exit.
Replayed replay(const std::string& scene_file, const std::string& script,
                const std::string& extra_arguments = "", bool picture = false) {
  const std::string input_path = temporary("input.txt");
  const std::string scene_path = temporary("saved.json");
  const std::string layout_path = temporary("layout.json");
  std::ofstream(input_path) << script;
  Replayed result;
  std::string arguments = "--size 1280x720 --frames 20 --scene " + k_scene_dir + "/" + scene_file +
                          " --input " + input_path + " --save-scene " + scene_path +
                          " --layout-out " + layout_path + " " + extra_arguments;
  if (picture) {
    result.picture_path = temporary("replayed.png");
    arguments += " --screenshot " + result.picture_path;
  }
  const lv::test::ProcessResult process = lv::test::run_process(gui(arguments));
  INFO("stderr: " << process.err);
  REQUIRE(process.exit_code == 0);
  result.scene = lv::load_scene(scene_path);
  std::ifstream layout_file(layout_path);
  const nlohmann::json layout = nlohmann::json::parse(layout_file);
  const auto& area = layout.at("scene");
  g_center_x = area[0].get<double>() + 0.5 * area[2].get<double>();
  g_center_y = area[1].get<double>() + 0.5 * area[3].get<double>();
  g_units = std::max(9.0 / area[2].get<double>(), 4.0 / area[3].get<double>());
  std::remove(layout_path.c_str());
  std::remove(input_path.c_str());
  std::remove(scene_path.c_str());
  return result;
}

// Press at one frame, release at the next (a click does not travel).
std::string click_at(int frame, int x, int y) {
  return "frame " + std::to_string(frame) + "\nmove " + std::to_string(x) + " " +
         std::to_string(y) + "\nframe " + std::to_string(frame + 1) + "\npress left\nframe " +
         std::to_string(frame + 2) + "\nrelease left\n";
}

double function_x(double window_x) {
  return (window_x - g_center_x) * g_units;
}
double function_y(double window_y) {
  return (g_center_y - window_y) * g_units;
}

// Float pointer math on the way: a few 1e-7 relative.
doctest::Approx near(double value) {
  return doctest::Approx(value).epsilon(1e-5).scale(1.0);
}

}  // namespace

TEST_CASE("the input script format: frames, pointer, buttons, wheel, keys; errors name the line") {
  const std::vector<lv::app::InputEvent> events = lv::app::parse_input_script(
      "# a drag\nmove 10 20\nframe 3\npress left   # starts\nscroll -2\nkey shift down\n"
      "frame 5\nkey f5 up\nrelease right\n",
      "drag.txt");
  REQUIRE(events.size() == 6);
  CHECK(events[0].frame == 0);
  CHECK(events[0].kind == lv::app::InputEvent::Kind::Move);
  CHECK(events[0].y == 20.0f);
  CHECK(events[1].frame == 3);
  CHECK(events[1].kind == lv::app::InputEvent::Kind::Press);
  CHECK(events[1].code == 0);  // GLFW_MOUSE_BUTTON_LEFT
  CHECK(events[2].y == -2.0f);
  CHECK(events[3].code == 340);  // GLFW_KEY_LEFT_SHIFT
  CHECK(events[4].frame == 5);
  CHECK(events[4].kind == lv::app::InputEvent::Kind::KeyUp);
  CHECK(events[4].code == 294);  // GLFW_KEY_F5
  CHECK(events[5].code == 1);    // GLFW_MOUSE_BUTTON_RIGHT
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("move 1 2\npress thumb\n", "a.txt"),
                       doctest::Contains("a.txt:2: unknown button 'thumb'"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("frame 4\nframe 2\n", "b.txt"),
                       doctest::Contains("b.txt:2: frame"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("move 1\n", "c.txt"),
                       doctest::Contains("c.txt:1: missing y"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("key q sideways\n", "d.txt"),
                       doctest::Contains("expected down or up"), lv::InputError);
  const auto dropped = lv::app::parse_input_script("frame 2\ndrop /tmp/a b.json  # spaces\n", "f");
  REQUIRE(dropped.size() == 1);
  CHECK(dropped[0].kind == lv::app::InputEvent::Kind::Drop);
  CHECK(dropped[0].path == "/tmp/a b.json");
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("drop\n", "g.txt"),
                       doctest::Contains("g.txt:1: missing path"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::parse_input_script("wiggle\n", "e.txt"),
                       doctest::Contains("unknown command 'wiggle'"), lv::InputError);
}

TEST_CASE("a click on the 2D surface moves the selected optimizer's start to the clicked point") {
  const lv::Scene scene = replay("mouse_scene.json", click_at(5, 980, 100)).scene;
  REQUIRE(scene.optimizers.size() == 2);
  CHECK(scene.optimizers[0].start_x == near(function_x(980)));
  CHECK(scene.optimizers[0].start_y == near(function_y(100)));
  CHECK(scene.optimizers[1].start_x == 1.0);  // the other start stays where the scene put it
  CHECK(scene.optimizers[1].start_y == -1.0);
}

TEST_CASE("a shift-click moves every start") {
  const lv::Scene scene =
      replay("mouse_scene.json", "frame 2\nkey shift down\n" + click_at(5, 600, 400)).scene;
  for (const lv::SceneOptimizer& optimizer : scene.optimizers) {
    CHECK(optimizer.start_x == near(function_x(600)));
    CHECK(optimizer.start_y == near(function_y(400)));
  }
}

TEST_CASE("clicks on panels do not move the start, even where a panel covers the picture") {
  // The function description in the control panel, and the lesson panel's title (in its strip
  // above the picture).
  const lv::Scene scene =
      replay("mouse_lesson.json", click_at(5, 150, 97) + click_at(10, 830, 25)).scene;
  CHECK(scene.optimizers[0].start_x == -1.0);
  CHECK(scene.optimizers[0].start_y == 1.0);
  CHECK(scene.optimizers[1].start_x == 1.0);
}

TEST_CASE("dragging the 2D view pans it by the distance the pointer moved") {
  const lv::Scene scene = replay("mouse_scene.json",
                                 "frame 5\nmove 830 255\nframe 6\npress left\nframe 7\nmove 880 "
                                 "280\nframe 8\nmove 930 305\nframe 9\nrelease left\n")
                              .scene;
  // 100 px right and 50 px down drags the picture along: the center moves 100 px left, 50 up.
  REQUIRE(scene.view.has_center);
  CHECK(scene.view.center_x == near(-100 * g_units));
  CHECK(scene.view.center_y == near(50 * g_units));
  CHECK(scene.view.units_per_pixel == near(g_units));
  CHECK(scene.optimizers[0].start_x == -1.0);  // a drag is not a click
}

TEST_CASE("the wheel zooms the 2D view about the point under the cursor") {
  const lv::Scene scene =
      replay("mouse_scene.json", "frame 5\nmove 980 100\nframe 6\nscroll 2\n").scene;
  // Two notches scale the view by 0.85^2 = 0.7225 about the point under the cursor, which
  // stays put.
  const double factor = 0.85 * 0.85, px = function_x(980), py = function_y(100);
  REQUIRE(scene.view.has_center);
  CHECK(scene.view.units_per_pixel == near(g_units * factor));
  CHECK(scene.view.center_x == near(px + (0.0 - px) * factor));
  CHECK(scene.view.center_y == near(py + (0.0 - py) * factor));
}

TEST_CASE("in 3D, dragging orbits the camera and the wheel changes its distance") {
  const lv::Scene scene = replay("mouse_scene.json",
                                 "frame 5\nmove 830 255\nframe 6\npress left\nframe 7\nmove 880 "
                                 "265\nframe 8\nmove 930 275\nframe 9\nrelease left\nframe 10\n"
                                 "scroll -1\n",
                                 "--view 3d")
                              .scene;
  // The scene's camera is the default yaw -0.9, pitch 0.55, distance 3.4. The orbit turns
  // 0.008 rad per pixel: 100 px right → yaw - 0.8, 20 px down → pitch + 0.16; one notch back
  // scales the distance by 1 / 0.85.
  CHECK(scene.view.mode == "3d");
  CHECK(scene.view.yaw == near(-0.9 - 0.8));
  CHECK(scene.view.pitch == near(0.55 + 0.16));
  CHECK(scene.view.distance == near(3.4 / 0.85));
  CHECK(scene.optimizers[0].start_x == -1.0);
}

// The 2D picture is kept between frames; dragging a parameter slider must redraw it. The picture
// after the drag has to equal a fresh start on the state the drag left (same kappa), and differ
// from the picture before.
TEST_CASE("the cached 2D picture follows a parameter dragged between frames") {
  const Replayed dragged = replay("bowl_without_runs.json",
                                  "frame 5\nmove 60 201\nframe 6\npress left\nframe 7\nmove 150 "
                                  "201\nframe 8\nmove 200 201\nframe 9\nrelease left\n",
                                  "", true);
  REQUIRE(dragged.scene.parameters.size() == 1);
  CHECK(dragged.scene.parameters[0].value != 10.0);  // kappa moved off the scene's 10
  const std::string saved = temporary("after_drag.json");
  lv::save_scene(saved, dragged.scene);
  const std::string fresh_path = temporary("fresh.png");
  const std::string original_path = temporary("original.png");
  const std::string common = "--size 1280x720 --frames 20 --screenshot ";
  REQUIRE(lv::test::run_process(gui(common + fresh_path + " --scene " + saved)).exit_code == 0);
  REQUIRE(lv::test::run_process(
              gui(common + original_path + " --scene " + k_scene_dir + "/bowl_without_runs.json"))
              .exit_code == 0);
  const lv::test::Image after = lv::test::load_png(dragged.picture_path);
  const lv::test::Image fresh = lv::test::load_png(fresh_path);
  const lv::test::Image original = lv::test::load_png(original_path);
  for (const std::string& path : {dragged.picture_path, saved, fresh_path, original_path}) {
    std::remove(path.c_str());
  }
  // Compare the scene area only (x 380..1280, y 0..720: no plots without runs).
  const auto difference = [](const lv::test::Image& a, const lv::test::Image& b) {
    double sum = 0.0;
    long count = 0;
    for (int y = 0; y < 720; ++y) {
      for (int x = 380; x < 1280; ++x) {
        for (int c = 0; c < 3; ++c) sum += std::abs(a.at(x, y)[c] - b.at(x, y)[c]);
        count += 3;
      }
    }
    return sum / static_cast<double>(count);
  };
  CHECK(difference(after, fresh) == 0.0);
  CHECK(difference(after, original) > 2.0);
}
