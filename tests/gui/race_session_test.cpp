// Races off the UI thread (race_session.hpp): the worker's result equals the race computed in
// place, a cancel stops a long race within a step and leaves no result, and a newer race replaces
// one still running.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "race_session.hpp"

namespace {

lv::app::RaceJob bowl_race(int steps) {
  lv::app::RaceJob job;
  job.objective = std::make_shared<const lv::FormulaObjective>(lv::Expr::parse("x^2 + 10*y^2"));
  for (const char* name : {"sgd", "adam"}) {
    lv::RaceEntry entry{lv::make_optimizer(name), nullptr, lv::Vec{{1.5, -1.0}}, {}};
    entry.settings.max_steps = steps;
    entry.settings.gradient_tolerance = 0.0;  // run every step
    job.entries.push_back(std::move(entry));
    job.slots.push_back(job.slots.size());
  }
  job.slot_count = job.entries.size();
  return job;
}

std::optional<lv::app::RaceResult> wait_for_result(lv::app::RaceSession& session) {
  while (session.busy()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return session.take_result();
}

}  // namespace

TEST_CASE("a race on the worker gives the trajectories computed in place") {
  lv::app::RaceJob reference_job = bowl_race(200);
  const lv::app::RaceResult reference = lv::app::compute_race(reference_job, nullptr);
  lv::app::RaceSession session;
  session.start(bowl_race(200));
  const std::optional<lv::app::RaceResult> result = wait_for_result(session);
  REQUIRE(result.has_value());
  REQUIRE(result->trajectories.size() == 2);
  for (size_t k = 0; k < 2; ++k) {
    CHECK(result->trajectories[k].positions == reference.trajectories[k].positions);
    CHECK(result->trajectories[k].loss == reference.trajectories[k].loss);
    CHECK(result->errors[k].empty());
  }
  CHECK_FALSE(session.take_result().has_value());  // taken once
}

TEST_CASE("cancel stops a long race at once and leaves no result") {
  lv::app::RaceSession session;
  session.start(bowl_race(50'000'000));  // minutes of work if it ran to the end
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(session.busy());
  const auto before = std::chrono::steady_clock::now();
  session.cancel();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count();
  CHECK_FALSE(session.busy());
  CHECK(seconds < 5.0);  // generous for the sanitizer build; one step takes microseconds
  CHECK_FALSE(session.take_result().has_value());
}

TEST_CASE("a newer race replaces one still running") {
  lv::app::RaceSession session;
  session.start(bowl_race(50'000'000));
  session.start(bowl_race(10));
  const std::optional<lv::app::RaceResult> result = wait_for_result(session);
  REQUIRE(result.has_value());
  CHECK(result->trajectories[0].size() == 11);  // start + 10 updates
}
