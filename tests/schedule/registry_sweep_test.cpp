// A sweep over every registered schedule, so a new entry is checked without writing a test for
// it: the registered name is the one the schedule reports, the summary and every help text are
// present, and every default lies in its valid range and passes validate().
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "descriptor_checks.hpp"
#include "schedule/schedule.hpp"

TEST_CASE("every registered schedule: name, summary, descriptors in range, help texts") {
  std::set<std::string> names;
  for (const lv::ScheduleInfo& info : lv::schedule_registry()) {
    CAPTURE(info.name);
    CHECK(names.insert(info.name).second);  // registered once
    CHECK(!info.summary.empty());
    const auto schedule = info.make();
    REQUIRE(schedule != nullptr);
    CHECK(schedule->name() == info.name);
    CHECK(lv::make_schedule(info.name)->name() == info.name);
    lv::test::check_descriptors(schedule->hyperparameters());
    CHECK_NOTHROW(schedule->validate());
  }
}
