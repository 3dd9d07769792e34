// The headless --compare mode: the Compare panel's comparison of the scene's function and
// optimizers runs on its worker while frames are drawn (so tests see that the frame loop keeps
// going), then its results table is written as CSV.
#include <algorithm>
#include <cstdio>

#include "app.hpp"
#include "common/errors.hpp"
#include "compare_actions.hpp"

namespace lv::app {

void App::start_headless_comparison() {
  CompareState& compare = state_.compare;
  for (const auto& [key, value] : options_.compare_settings)
    set_compare_option(compare.config, key, value);
  compare.reveal = true;
  start_comparison(state_);
}

void App::note_comparison_frame(double seconds) {
  ++comparison_frames_;
  longest_comparison_frame_ = std::max(longest_comparison_frame_, seconds);
}

// Returns the exit code: 0 when the results were written, 1 otherwise.
int App::finish_headless_comparison() {
  const CompareSnapshot& snapshot = state_.compare.snapshot;
  std::fprintf(stderr, "lossviz: compare: %s; %d frames drawn meanwhile (longest %.1f ms)\n",
               snapshot.message.c_str(), comparison_frames_, 1e3 * longest_comparison_frame_);
  try {
    if (snapshot.failed) throw InputError(snapshot.message);
    write_comparison_csv(state_, options_.compare_path);
  } catch (const InputError& error) {
    std::fprintf(stderr, "lossviz: --compare: %s\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace lv::app
