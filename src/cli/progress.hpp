// Progress on standard error for long network commands: a bar with percentage and ETA when stderr
// is a terminal; otherwise a plain line at most every 10 percent, so logs stay short.
#pragma once

#include <chrono>
#include <string>

namespace lv::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // fraction in [0, 1]; `detail` is shown after the bar (e.g. the current loss).
  void update(double fraction, const std::string& detail = "");
  void finish(const std::string& detail = "");

 private:
  std::string label_;
  bool terminal_;
  bool finished_ = false;
  int last_decile_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace lv::cli
