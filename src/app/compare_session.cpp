#include "compare_session.hpp"

#include <chrono>
#include <cstdio>

#include "common/errors.hpp"

namespace lv::app {

CompareSession::~CompareSession() {
  cancel();
  wait();
}

void CompareSession::wait() {
  if (worker_.joinable()) worker_.join();
}

void CompareSession::start(std::shared_ptr<const Objective> objective,
                           std::vector<Contestant> contestants, ComparisonSettings settings) {
  cancel();
  wait();
  cancel_ = false;
  done_ = 0;
  total_ = 0;
  busy_ = true;
  worker_ =
      std::thread([this, objective = std::move(objective), contestants = std::move(contestants),
                   settings = std::move(settings)]() mutable {
        run(*objective, contestants, std::move(settings));
      });
}

void CompareSession::run(const Objective& objective, const std::vector<Contestant>& contestants,
                         ComparisonSettings settings) {
  settings.progress = [this](long done, long total) {
    done_ = done;
    total_ = total;
  };
  settings.cancel = &cancel_;
  const auto started = std::chrono::steady_clock::now();
  std::shared_ptr<const Comparison> comparison;
  std::string message;
  bool failed = false;
  try {
    comparison =
        std::make_shared<const Comparison>(compare_optimizers(objective, contestants, settings));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char text[128];
    std::snprintf(text, sizeof text, "%s after %ld of %ld runs (%.1f s)",
                  comparison->cancelled ? "cancelled" : "finished", done_.load(), total_.load(),
                  seconds);
    message = text;
  } catch (const InputError& error) {
    message = error.what();
    failed = true;
  } catch (const std::exception& error) {  // e.g. out of memory: reported, never a crash
    message = std::string("the comparison failed: ") + error.what();
    failed = true;
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  if (comparison && !comparison->cancelled) finished_.comparison = std::move(comparison);
  finished_.message = std::move(message);
  finished_.failed = failed;
  ++finished_.version;
  busy_ = false;
}

CompareSnapshot CompareSession::snapshot() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  CompareSnapshot snapshot = finished_;
  snapshot.running = busy_.load();
  snapshot.done = done_.load();
  snapshot.total = total_.load();
  return snapshot;
}

}  // namespace lv::app
