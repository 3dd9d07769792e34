#include "common/name_lookup.hpp"
#include "schedule/constant.hpp"
#include "schedule/cosine.hpp"
#include "schedule/cosine_warm_restarts.hpp"
#include "schedule/cyclic.hpp"
#include "schedule/exponential.hpp"
#include "schedule/linear.hpp"
#include "schedule/multistep.hpp"
#include "schedule/onecycle.hpp"
#include "schedule/polynomial.hpp"
#include "schedule/schedule.hpp"
#include "schedule/step.hpp"
#include "schedule/wsd.hpp"

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
      entry<StepSchedule>("step", "StepLR: lr·gamma^floor(t/step_size)"),
      entry<MultiStepSchedule>("multistep", "MultiStepLR: lr·gamma^(milestones passed)"),
      entry<ExponentialSchedule>("exponential", "ExponentialLR: lr·gamma^t"),
      entry<PolynomialSchedule>("polynomial",
                                "PolynomialLR: lr·(1 - min(t, total_iters)/total_iters)^power"),
      entry<CosineSchedule>("cosine",
                            "CosineAnnealingLR: half cosine to eta_min over T_max, periodic"),
      entry<CosineWarmRestartsSchedule>(
          "cosine_warm_restarts",
          "CosineAnnealingWarmRestarts (SGDR): cosine cycles T_0, T_0·T_mult, ..."),
      entry<LinearSchedule>("linear",
                            "LinearLR: lr factor linear from start_factor to end_factor (warmup)"),
      entry<CyclicSchedule>("cyclic",
                            "CyclicLR: cycles between base_lr and max_lr (no momentum cycling)"),
      entry<OneCycleSchedule>(
          "onecycle", "OneCycleLR: 1cycle policy up to max_lr and down (no momentum cycling)"),
      entry<WsdSchedule>("wsd", "warmup-stable-decay (MiniCPM, Hu et al. 2024, §4)"),
  };
  return registry;
}

std::unique_ptr<Schedule> make_schedule(std::string_view name) {
  return find_by_name(schedule_registry(), name, "schedule").make();
}

}  // namespace lv
