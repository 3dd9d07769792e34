// Races off the UI thread: the frame prepares a race (a copy of everything it needs), a worker
// computes it while the window keeps drawing the last complete picture, and the next frame
// installs the result. A newer race cancels the one still running. GL-free (tested directly).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "curvature/trajectory_curvature.hpp"
#include "run/runner.hpp"

namespace lv::app {

// A race as the UI thread prepared it: nothing in it refers to AppState.
struct RaceJob {
  std::shared_ptr<const Objective> objective;
  std::vector<RaceEntry> entries;
  std::vector<size_t> slots;  // the optimizer slot each entry belongs to
  size_t slot_count = 0;      // optimizer slots in the state when it was prepared
};

struct RaceResult {
  std::vector<Trajectory> trajectories;  // one per entry of the job
  std::vector<std::string> errors;       // one per entry: why it could not run (empty: it ran)
  std::vector<CurvatureTrack> curvature;  // one per entry (2D objectives; empty tracks otherwise)
  std::vector<size_t> slots;
  size_t slot_count = 0;
  bool cancelled = false;
};

// Runs every entry (run_race); a run that throws InputError has its message in `errors`. Then
// the curvature along each run (Hessian eigenvalues, stability limit), so the frame only looks
// it up.
RaceResult compute_race(RaceJob& job, const std::atomic<bool>* cancel);

class RaceSession {
 public:
  using Clock = std::chrono::steady_clock;

  RaceSession() = default;
  ~RaceSession();  // cancels and joins the worker
  RaceSession(const RaceSession&) = delete;
  RaceSession& operator=(const RaceSession&) = delete;

  // Cancels a race still running (waiting for it to stop: at most one optimizer step each),
  // then starts `job` on the worker.
  void start(RaceJob job);
  void cancel();
  bool busy() const { return running_.load(); }
  double seconds_running() const;
  // The finished race, once; nothing while running or after a cancel.
  std::optional<RaceResult> take_result();

 private:
  void join();

  std::thread worker_;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> running_{false};
  Clock::time_point started_{};
  std::mutex mutex_;
  std::optional<RaceResult> result_;
};

}  // namespace lv::app
