#include "cli/progress.hpp"

#include <unistd.h>
#include <algorithm>
#include <cstdio>

namespace lv::cli {

namespace {

constexpr int k_bar_width = 30;

std::string duration_text(double seconds) {
  char text[32];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.0fs", seconds);
  } else {
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  }
  return text;
}

}  // namespace

Progress::Progress(std::string label)
    : label_(std::move(label)),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (terminal_ && !finished_) std::fprintf(stderr, "\n");
}

void Progress::update(double fraction, const std::string& detail) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!terminal_) {
    const int decile = static_cast<int>(fraction * 10.0);
    if (decile == last_decile_) return;
    last_decile_ = decile;
    std::fprintf(stderr, "%s: %3.0f%% %s\n", label_.c_str(), 100.0 * fraction, detail.c_str());
    return;
  }
  const int filled = static_cast<int>(fraction * k_bar_width);
  const std::string bar = std::string(static_cast<size_t>(filled), '#') +
                          std::string(static_cast<size_t>(k_bar_width - filled), '.');
  const std::string eta =
      fraction > 0.0 ? duration_text(elapsed * (1.0 - fraction) / fraction) : "?";
  std::fprintf(stderr, "\r%s [%s] %3.0f%% ETA %s %s\033[K", label_.c_str(), bar.c_str(),
               100.0 * fraction, eta.c_str(), detail.c_str());
  std::fflush(stderr);
}

void Progress::finish(const std::string& detail) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (terminal_) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "%s: done in %s %s\n", label_.c_str(), duration_text(elapsed).c_str(),
               detail.c_str());
  finished_ = true;
}

}  // namespace lv::cli
