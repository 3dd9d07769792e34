// The shared name lookup: the suggestion text, the registry error's exact wording (the CLI tests
// compare whole lines against it) and finding an entry by name.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"

namespace {

struct Entry {
  std::string name;
  int value = 0;
};

}  // namespace

TEST_CASE("did_you_mean suggests a plausible typo and nothing otherwise") {
  const std::vector<std::string> names = {"sgd", "adam", "rmsprop"};
  CHECK(lv::did_you_mean("sdg", names) == " (did you mean 'sgd'?)");
  CHECK(lv::did_you_mean("rmsprp", names) == " (did you mean 'rmsprop'?)");
  CHECK(lv::did_you_mean("newton", names).empty());
  CHECK(lv::did_you_mean("anything", {}).empty());
}

TEST_CASE("find_by_name returns the entry or throws naming the kind, the name and the list") {
  const std::vector<Entry> entries = {{"cosine", 1}, {"step", 2}};
  CHECK(&lv::find_by_name(entries, "step", "schedule") == &entries[1]);
  CHECK_THROWS_WITH_AS(
      lv::find_by_name(entries, "cosin", "schedule"),
      "unknown schedule 'cosin' (did you mean 'cosine'?); see 'lossviz-cli list schedules'",
      lv::InputError);
  CHECK_THROWS_WITH_AS(lv::find_by_name(entries, "warmup", "schedule"),
                       "unknown schedule 'warmup'; see 'lossviz-cli list schedules'",
                       lv::InputError);
}
