// Races off the UI thread (race_session.hpp): the worker's result equals the race computed in
// place, an optimizer that cannot run fails on its own row only, a cancel stops a long race
// within a step and leaves no result, and a newer race replaces one still running.
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

TEST_CASE("an optimizer that cannot run is marked on its own row; the others still race") {
  lv::app::RaceJob job = bowl_race(100);
  lv::RaceEntry projected{lv::make_optimizer("projected"), nullptr, lv::Vec{{1.5, -1.0}}, {}};
  projected.settings.max_steps = 100;
  job.entries.insert(job.entries.begin() + 1, std::move(projected));  // sgd, projected, adam
  job.slots.push_back(2);
  job.slot_count = 3;
  const lv::app::RaceResult result = lv::app::compute_race(job, nullptr);
  REQUIRE(result.errors.size() == 3);
  CHECK(result.errors[0].empty());
  CHECK_FALSE(result.errors[1].empty());  // projected gradient needs a constraint set
  CHECK(result.errors[2].empty());
  CHECK(result.trajectories[0].positions.size() > 50);
  CHECK(result.trajectories[2].positions.size() > 50);
  // The entries are back in the job for the next race.
  CHECK(job.entries[1].optimizer->name() == "projected");
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
