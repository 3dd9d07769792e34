#include "autosave.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"

namespace lv::app {
namespace {

std::filesystem::path file_for(const std::filesystem::path& directory, const char* prefix, long pid,
                               const char* suffix) {
  return directory / (prefix + std::to_string(pid) + suffix);
}

// The pid in "session-PID.lock", or -1.
long lock_pid(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (!name.starts_with("session-") || !name.ends_with(".lock")) return -1;
  const std::string digits = name.substr(8, name.size() - 8 - 5);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
      digits.size() > 9) {
    return -1;
  }
  return std::stol(digits);
}

bool process_alive(long pid) {
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

Autosave::Autosave(std::filesystem::path directory) : directory_(std::move(directory)) {
  const long pid = static_cast<long>(::getpid());
  lock_file_ = file_for(directory_, "session-", pid, ".lock");
  scene_file_ = file_for(directory_, "autosave-", pid, ".json");
}

std::filesystem::path Autosave::default_directory() {
  if (const char* explicit_dir = std::getenv("LOSSVIZ_STATE_DIR"); explicit_dir && *explicit_dir)
    return explicit_dir;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::filesystem::path(state) / "lossviz";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local/state/lossviz";
  return {};
}

std::optional<std::string> Autosave::begin() {
  if (directory_.empty()) return std::nullopt;
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) return std::nullopt;  // no state folder: run without autosave
  // The newest dead session that left a scene becomes recovered.json; stale locks go.
  std::optional<std::string> recovered;
  std::filesystem::file_time_type newest{};
  for (const auto& entry : std::filesystem::directory_iterator(directory_, error)) {
    const long pid = lock_pid(entry.path());
    if (pid < 0 || pid == static_cast<long>(::getpid()) || process_alive(pid)) continue;
    const std::filesystem::path scene = file_for(directory_, "autosave-", pid, ".json");
    if (std::filesystem::exists(scene, error)) {
      const auto time = std::filesystem::last_write_time(scene, error);
      if (!recovered || time > newest) {
        const std::filesystem::path target = directory_ / "recovered.json";
        std::filesystem::rename(scene, target, error);
        if (!error) {
          recovered = target.string();
          newest = time;
        }
      }
      std::filesystem::remove(scene, error);
    }
    std::filesystem::remove(entry.path(), error);
  }
  try {
    write_file_atomically(lock_file_.string(), std::to_string(::getpid()) + "\n");
    active_ = true;
  } catch (const InputError&) {
    active_ = false;  // read-only state folder: run without autosave
  }
  return recovered;
}

void Autosave::save_if_due(const std::string& scene_json, double now_seconds) {
  if (!active_ || now_seconds - last_save_time_ < k_interval_seconds) return;
  last_save_time_ = now_seconds;
  if (scene_json == last_saved_) return;
  try {
    write_file_atomically(scene_file_.string(), scene_json);
    last_saved_ = scene_json;
  } catch (const InputError&) {
    active_ = false;  // the folder went away or filled up: stop trying
  }
}

void Autosave::end() {
  if (!active_) return;
  std::error_code error;
  std::filesystem::remove(scene_file_, error);
  std::filesystem::remove(lock_file_, error);
  active_ = false;
}

}  // namespace lv::app
