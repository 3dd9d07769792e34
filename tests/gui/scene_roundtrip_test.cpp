// Scenes reproduce the picture: a scene saved by the app (lossviz --save-scene, what Ctrl+S
// saves) and loaded again gives a screenshot identical to the last bit to the one taken from the
// original scene, for a 2D lesson, a 3D lesson, a race with several optimizers, a schedule,
// gradient clipping and noise, a paused 3D view, and the curvature overlays and plots.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "gui_process.hpp"
#include "process.hpp"

namespace {

std::string scratch(const std::string& name) {
  return lv::test::temporary("scene-roundtrip-" + name);
}

lv::test::ProcessResult screenshot(const std::string& scene, const std::string& png,
                                   const std::string& extra = "") {
  return lv::test::run_process(lv::test::gui_launcher() + " --size 1280x720 --frames 30 --scene " +
                               scene + " --screenshot " + png + " " + extra);
}

}  // namespace

TEST_CASE("scene: save, load and screenshot again gives the same pixels (2D, 3D, race, paused)") {
  const std::string data = LOSSVIZ_GUI_TEST_DATA_DIR;
  const std::string lessons = data + "/../../../assets/scenes";
  // The race is paused at a fractional step with its own 2D center and zoom; the orbit scene is
  // a paused 3D view around a panned camera target: losing any of these changes the picture.
  for (const std::string& scene :
       {lessons + "/01_ravine_momentum.json", lessons + "/03_adam_vs_sgd_rosenbrock.json",
        data + "/race_schedule_clip_noise.json", data + "/orbit_paused_3d.json",
        data + "/curvature_overlays.json"}) {
    CAPTURE(scene);
    const std::string original = scratch("original.png"), saved = scratch("saved.json"),
                      reloaded = scratch("reloaded.png");
    const lv::test::ProcessResult first = screenshot(scene, original, "--save-scene " + saved);
    INFO("first run: " << first.err);
    REQUIRE(first.exit_code == 0);
    const lv::test::ProcessResult second = screenshot(saved, reloaded);
    INFO("second run: " << second.err);
    REQUIRE(second.exit_code == 0);
    const lv::test::Image first_image = lv::test::load_png(original);
    const lv::test::Image second_image = lv::test::load_png(reloaded);
    REQUIRE(first_image.width == second_image.width);
    REQUIRE(first_image.height == second_image.height);
    const std::vector<unsigned char>& before = first_image.rgb;
    const std::vector<unsigned char>& after = second_image.rgb;
    long differing = 0;
    for (size_t i = 0; i < before.size(); i += 3) {
      differing +=
          before[i] != after[i] || before[i + 1] != after[i + 1] || before[i + 2] != after[i + 2];
    }
    CHECK(differing == 0);
    for (const std::string& path : {original, saved, reloaded}) std::remove(path.c_str());
  }
}
