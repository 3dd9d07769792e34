// Autosave: the scene is written every few seconds while the window is open, so a crash loses at
// most that much; the next start finds the scene of a session that did not end cleanly and
// offers it back. GL-free (tested directly).
//
// Files, in the state folder ($LOSSVIZ_STATE_DIR, else $XDG_STATE_HOME/lossviz, else
// ~/.local/state/lossviz): session-PID.lock while a window runs, autosave-PID.json its scene,
// recovered.json the scene of the last session found dead.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lv::app {

class Autosave {
 public:
  static constexpr double k_interval_seconds = 2.0;  // how often a changed scene is written

  explicit Autosave(std::filesystem::path directory);
  // The folder described above; empty when no home folder is known.
  static std::filesystem::path default_directory();

  // Starts this process's session (writes its lock). Returns the recovered scene file of an
  // earlier session whose process is gone without ending cleanly, if that session saved one.
  std::optional<std::string> begin();
  // Writes `scene_json` when k_interval_seconds have passed since the last write and it changed.
  void save_if_due(const std::string& scene_json, double now_seconds);
  // A clean exit: removes this session's lock and autosave.
  void end();

  const std::filesystem::path& scene_file() const { return scene_file_; }

 private:
  std::filesystem::path directory_;
  std::filesystem::path lock_file_, scene_file_;
  std::string last_saved_;
  double last_save_time_ = -1e300;
  bool active_ = false;
};

}  // namespace lv::app
