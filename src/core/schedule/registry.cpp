#include "common/errors.hpp"
#include "common/text.hpp"
#include "schedule/constant.hpp"
#include "schedule/schedule.hpp"

namespace lv {

namespace {
template <typename T>
ScheduleInfo entry(std::string name, std::string summary) {
  return {std::move(name), std::move(summary), [] { return std::make_unique<T>(); }};
}
}  // namespace

const std::vector<ScheduleInfo>& schedule_registry() {
  static const std::vector<ScheduleInfo> registry = {
      entry<ConstantSchedule>("constant", "the optimizer's lr at every step"),
  };
  return registry;
}

std::unique_ptr<Schedule> make_schedule(std::string_view name) {
  std::vector<std::string> names;
  for (const ScheduleInfo& info : schedule_registry()) {
    if (info.name == name) return info.make();
    names.push_back(info.name);
  }
  std::string message = "unknown schedule '" + std::string(name) + "'";
  if (const auto suggestion = closest_match(name, names)) {
    message += " (did you mean '" + *suggestion + "'?)";
  }
  throw InputError(message + "; see 'lossviz-cli list schedules'");
}

}  // namespace lv
