// The Compare panel's background work: runs the fair-comparison harness (src/core/compare) on a
// worker thread and publishes its progress and result, so the frame loop never waits for tuning.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "compare/comparison.hpp"
#include "objective/objective.hpp"

namespace lv::app {

struct CompareSnapshot {
  bool running = false;
  long done = 0, total = 0;  // runs finished and runs in all (total is 0 until the first run ends)
  long version = 0;          // bumped whenever a comparison ends (finished, cancelled or failed)
  std::shared_ptr<const Comparison> comparison;  // the last finished comparison (null: none)
  std::string message;  // how the last comparison ended: a summary, "cancelled ..." or the error
  bool failed = false;  // the last comparison was rejected (bad settings)
};

class CompareSession {
 public:
  CompareSession() = default;
  CompareSession(const CompareSession&) = delete;
  CompareSession& operator=(const CompareSession&) = delete;
  ~CompareSession();  // cancels and joins

  // Runs compare_optimizers(*objective, contestants, settings) on the worker.
  // Cancels and joins any running comparison first. settings.progress and settings.cancel are
  // the session's own. A cancelled comparison keeps the previous result on show.
  void start(std::shared_ptr<const Objective> objective, std::vector<Contestant> contestants,
             ComparisonSettings settings);
  void cancel() { cancel_ = true; }
  void wait();  // joins the worker (tests and headless modes)
  bool busy() const { return busy_.load(); }
  CompareSnapshot snapshot() const;

 private:
  void run(const Objective& objective, const std::vector<Contestant>& contestants,
           ComparisonSettings settings);

  std::thread worker_;
  std::atomic<bool> cancel_{false}, busy_{false};
  std::atomic<long> done_{0}, total_{0};
  mutable std::mutex mutex_;
  CompareSnapshot finished_;  // guarded by mutex_: the fields that change when a comparison ends
};

}  // namespace lv::app
