// Cost of one learning_rate() call per schedule (defaults plus a warmup). Target: well under
// 1 µs, so that re-running every trajectory of a scene on each slider drag is dominated by the
// objective, not the schedule.
#include <benchmark/benchmark.h>

#include "schedule/schedule.hpp"

namespace {

void learning_rate(benchmark::State& state) {
  const lv::ScheduleInfo& info = lv::schedule_registry().at(static_cast<size_t>(state.range(0)));
  const auto schedule = info.make();
  schedule->hyperparameters().set("warmup_iters", 10);
  schedule->validate();
  state.SetLabel(info.name);
  int step = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(schedule->learning_rate(step, 0.1));
    step = (step + 1) % 10000;
  }
}

BENCHMARK(learning_rate)->DenseRange(0, 10);

}  // namespace

BENCHMARK_MAIN();
