// Fuzz target: scene JSON as the app and lessons load it — parse, write back, then resolve every
// name the way the app does (formula, optimizers with their settings, schedule) and run each
// optimizer a few steps from its start. Must give a scene or InputErrors, never a crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/errors.hpp"
#include "io/scene.hpp"
#include "objective/formula_objective.hpp"
#include "run/runner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lv::Scene scene;
  try {
    scene = lv::parse_scene(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    (void)lv::parse_scene(lv::scene_to_json(scene), "fuzz round trip");
  } catch (const lv::InputError&) {
    return 0;
  }
  try {
    const lv::FormulaObjective objective(lv::make_scene_expr(scene));
    std::unique_ptr<lv::Schedule> schedule;
    try {
      schedule = lv::make_scene_schedule(scene.schedule);
    } catch (const lv::InputError&) {
    }
    lv::RunSettings settings;
    settings.max_steps = 8;
    for (const lv::SceneOptimizer& entry : scene.optimizers) {
      try {
        std::unique_ptr<lv::Optimizer> optimizer = lv::make_scene_optimizer(entry);
        lv::Vec start = lv::Vec::Zero(objective.dim());
        start[0] = entry.start_x;
        start[1] = entry.start_y;
        (void)lv::run_optimizer(objective, *optimizer, schedule.get(), start, settings);
      } catch (const lv::InputError&) {
      }
    }
  } catch (const lv::InputError&) {
  }
  return 0;
}
