// Autosave: a window killed with SIGKILL leaves its scene behind, and the next start finds it
// (recovered.json, offered in a prompt). The kill is real: the app runs interactively under the
// test's X server and is found through its session lock file.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "autosave.hpp"
#include "gui_process.hpp"
#include "io/scene.hpp"
#include "process.hpp"

using lv::test::gui;
using lv::test::temporary;

namespace {

const std::string k_lesson =
    std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/01_ravine_momentum.json";

// The pid of the first session-PID.lock in `folder`, or -1.
long session_pid(const std::filesystem::path& folder) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("session-") && name.ends_with(".lock"))
      return std::stol(name.substr(8, name.size() - 13));
  }
  return -1;
}

template <typename Condition>
bool wait_for(Condition condition, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return condition();
}

}  // namespace

TEST_CASE("a killed window leaves its autosaved scene, and the next start recovers it") {
  const std::filesystem::path folder = temporary("state");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const std::string environment = "LOSSVIZ_STATE_DIR=" + folder.string() + " ";
  // Interactive (no --screenshot): the window runs until it is killed.
  REQUIRE(std::system(
              ("(" + environment + gui("--scene " + k_lesson) + " >/dev/null 2>&1 &)").c_str()) ==
          0);
  long pid = -1;
  REQUIRE(wait_for([&] { return (pid = session_pid(folder)) > 0; }, 120.0));
  const std::filesystem::path autosave = folder / ("autosave-" + std::to_string(pid) + ".json");
  REQUIRE(wait_for([&] { return std::filesystem::exists(autosave); }, 120.0));
  REQUIRE(::kill(static_cast<pid_t>(pid), SIGKILL) == 0);
  REQUIRE(wait_for([&] { return ::kill(static_cast<pid_t>(pid), 0) != 0; }, 30.0));

  const lv::Scene lesson = lv::load_scene(k_lesson);
  CHECK(lv::load_scene(autosave.string()).title == lesson.title);

  // The next start (headless here, with the state folder named) takes the dead session's scene.
  const std::string shot = temporary("recovery.png");
  const auto result =
      lv::test::run_process(environment + gui("--screenshot " + shot + " --frames 3"));
  CHECK_MESSAGE(result.exit_code == 0, result.err);
  const std::filesystem::path recovered = folder / "recovered.json";
  REQUIRE(std::filesystem::exists(recovered));
  CHECK(lv::load_scene(recovered.string()).title == lesson.title);
  CHECK(session_pid(folder) < 0);  // the stale lock is gone, and the clean exit removed its own
  std::filesystem::remove_all(folder);
}

TEST_CASE("autosave writes only when the scene changed, at most every interval") {
  const std::filesystem::path folder = temporary("state-unit");
  std::filesystem::remove_all(folder);
  lv::app::Autosave autosave(folder);
  CHECK_FALSE(autosave.begin().has_value());
  autosave.save_if_due("{\"a\":1}", 0.0);
  CHECK(lv::test::slurp(autosave.scene_file().string()) == "{\"a\":1}");
  autosave.save_if_due("{\"a\":2}", 0.5);  // too soon
  CHECK(lv::test::slurp(autosave.scene_file().string()) == "{\"a\":1}");
  autosave.save_if_due("{\"a\":2}", 2.5);
  CHECK(lv::test::slurp(autosave.scene_file().string()) == "{\"a\":2}");
  autosave.end();
  CHECK_FALSE(std::filesystem::exists(autosave.scene_file()));
  std::filesystem::remove_all(folder);
}
