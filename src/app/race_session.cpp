#include "race_session.hpp"

#include <future>

#include "common/errors.hpp"

namespace lv::app {

RaceResult compute_race(RaceJob& job, const std::atomic<bool>* cancel) {
  RaceResult result;
  result.slots = job.slots;
  result.slot_count = job.slot_count;
  for (RaceEntry& entry : job.entries) entry.settings.cancel = cancel;
  try {
    result.trajectories = run_race(*job.objective, job.entries);
    result.errors.assign(job.entries.size(), std::string());
  } catch (const InputError&) {
    // One entry cannot run here (e.g. a constrained method without constraints): run each on
    // its own, so that only its row shows the reason and the others still race.
    result.trajectories.clear();
    result.errors.clear();
    for (RaceEntry& entry : job.entries) {
      std::vector<RaceEntry> single;
      single.push_back(std::move(entry));
      try {
        result.trajectories.push_back(std::move(run_race(*job.objective, single).front()));
        result.errors.emplace_back();
      } catch (const InputError& error) {
        result.trajectories.emplace_back(job.objective->dim());
        result.errors.emplace_back(error.what());
      }
      entry = std::move(single.front());
    }
  }
  // One task per run, as run_race does (8 runs × 5,000 steps are 40,000 Hessians); objectives
  // are safe for concurrent const use.
  result.curvature.resize(result.trajectories.size());
  const bool small = job.objective->dim() == 2 && job.objective->has_dense_hessian();
  std::vector<std::future<void>> tasks;
  for (size_t k = 0; small && k < result.trajectories.size(); ++k) {
    if (cancel != nullptr && cancel->load()) break;
    tasks.push_back(std::async(std::launch::async, [&result, &job, k] {
      result.curvature[k] = trajectory_curvature(*job.objective, result.trajectories[k],
                                                 job.entries[k].optimizer.get());
    }));
  }
  for (std::future<void>& task : tasks) task.get();
  result.cancelled = cancel != nullptr && cancel->load();
  return result;
}

RaceSession::~RaceSession() {
  cancel();
}

void RaceSession::join() {
  if (worker_.joinable()) worker_.join();
}

void RaceSession::cancel() {
  cancel_ = true;
  join();
  const std::lock_guard lock(mutex_);
  result_.reset();
}

void RaceSession::start(RaceJob job) {
  cancel();
  cancel_ = false;
  running_ = true;
  started_ = Clock::now();
  worker_ = std::thread([this, job = std::move(job)]() mutable {
    RaceResult result = compute_race(job, &cancel_);
    {
      const std::lock_guard lock(mutex_);
      if (!result.cancelled) result_ = std::move(result);
    }
    running_ = false;
  });
}

double RaceSession::seconds_running() const {
  return busy() ? std::chrono::duration<double>(Clock::now() - started_).count() : 0.0;
}

std::optional<RaceResult> RaceSession::take_result() {
  const std::lock_guard lock(mutex_);
  std::optional<RaceResult> result = std::move(result_);
  result_.reset();
  return result;
}

}  // namespace lv::app
