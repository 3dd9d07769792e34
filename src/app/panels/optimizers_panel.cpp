// Optimizers panel: add any registered optimizer (several at once), per-optimizer color, label,
// start point and descriptor-built hyperparameter controls; the shared schedule, clipping, noise.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "optim/registry.hpp"
#include "panels/hyperparameter_widgets.hpp"
#include "panels/panels.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

void add_menu(AppState& state) {
  if (!ImGui::BeginCombo("##add", "add optimizer...")) return;
  for (const OptimizerInfo& info : optimizer_registry()) {
    if (ImGui::Selectable(info.name.c_str())) add_optimizer(state, info.name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.summary.c_str());
  }
  ImGui::EndCombo();
}

// Returns false when the slot was removed.
// Why this optimizer did not run, wrapped to the panel's width (the others still race).
void slot_error(const std::string& error) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.3f, 0.25f, 1));
  ImGui::TextWrapped("%s", error.c_str());
  ImGui::PopStyleColor();
}

// The run's number format (docs/precision.md): float16 and bfloat16 runs stall where an update
// is below half the spacing of the numbers near the parameter.
bool draw_precision_combo(OptimizerSlot& slot) {
  bool changed = false;
  if (!ImGui::BeginCombo("precision", number_format_name(slot.precision))) return false;
  for (NumberFormat format : number_formats()) {
    if (ImGui::Selectable(number_format_name(format), format == slot.precision)) {
      changed = format != slot.precision;
      slot.precision = format;
    }
  }
  ImGui::EndCombo();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("number format of the parameters, gradient and optimizer state");
  return changed;
}

bool optimizer_slot(AppState& state, int index) {
  OptimizerSlot& slot = state.optimizers[static_cast<size_t>(index)];
  ImGui::PushID(index);
  ImGui::ColorEdit3("##color", slot.color.data(), ImGuiColorEditFlags_NoInputs);
  ImGui::SameLine();
  const bool selected = state.ui.selected_optimizer == index;
  const std::string title = slot.label + " (" + slot.optimizer->name() + ")###slot";
  const bool open = ImGui::TreeNodeEx(title.c_str(), selected ? ImGuiTreeNodeFlags_Selected : 0);
  if (ImGui::IsItemClicked()) state.ui.selected_optimizer = index;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("selected: clicks on the surface move its start");
  bool keep = true;
  if (open) {
    bool changed = ImGui::Checkbox("visible", &slot.visible);
    ImGui::SameLine();
    if (ImGui::SmallButton("remove")) keep = false;
    ImGui::InputText("label", &slot.label);
    double start[2] = {slot.start_x, slot.start_y};
    if (ImGui::InputScalarN("start", ImGuiDataType_Double, start, 2, nullptr, nullptr, "%.4g")) {
      slot.start_x = start[0];
      slot.start_y = start[1];
      changed = true;
    }
    changed |= draw_hyperparameter_widgets(slot.optimizer->hyperparameters());
    changed |= draw_precision_combo(slot);
    if (ImGui::IsAnyItemActive()) state.ui.interacting = true;
    if (changed) state.run.stale = true;
    if (!slot.error.empty()) slot_error(slot.error);
    ImGui::TreePop();
  } else if (!slot.error.empty()) {
    slot_error(slot.error);
  }
  ImGui::PopID();
  return keep;
}

void schedule_section(AppState& state) {
  // A copy: picking an entry replaces the schedule that owns the name while the loop still
  // compares against it.
  const std::string current = state.run.schedule ? state.run.schedule->name() : "constant";
  if (ImGui::BeginCombo("schedule", current.c_str())) {
    for (const ScheduleInfo& info : schedule_registry()) {
      if (ImGui::Selectable(info.name.c_str(), info.name == current)) {
        state.run.schedule = info.make();
        state.run.stale = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.summary.c_str());
    }
    ImGui::EndCombo();
  }
  if (state.run.schedule && draw_hyperparameter_widgets(state.run.schedule->hyperparameters())) {
    state.run.stale = true;
  }
}

// A race that takes longer than a moment (thousands of steps of a costly method) says so and
// can be cancelled; the picture meanwhile shows the last complete race.
void race_progress(AppState& state) {
  RaceSession& session = *state.run.session;
  if (session.seconds_running() < 0.25) return;
  ImGui::TextDisabled("computing the race... %.1f s", session.seconds_running());
  ImGui::SameLine();
  if (ImGui::SmallButton("cancel")) session.cancel();
}

void run_section(AppState& state) {
  bool changed =
      ImGui::SliderInt("steps", &state.run.steps, 10, 20000, "%d", ImGuiSliderFlags_Logarithmic);
  const double zero = 0.0, noise_max = 10.0, clip_max = 100.0;
  changed |= ImGui::SliderScalar("gradient noise", ImGuiDataType_Double, &state.run.noise_sigma,
                                 &zero, &noise_max, "%.3g");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Gaussian noise (sigma) added to every gradient");
  if (ImGui::InputInt("seed", &state.run.seed)) {
    state.run.seed = std::max(0, state.run.seed);  // scenes store seeds as non-negative numbers
    changed = true;
  }
  changed |= ImGui::SliderScalar("clip norm", ImGuiDataType_Double, &state.run.clip_norm, &zero,
                                 &clip_max, state.run.clip_norm > 0 ? "%.3g" : "off");
  changed |= ImGui::SliderScalar("clip value", ImGuiDataType_Double, &state.run.clip_value, &zero,
                                 &clip_max, state.run.clip_value > 0 ? "%.3g" : "off");
  if (ImGui::IsAnyItemActive()) state.ui.interacting = true;
  if (changed) state.run.stale = true;
  race_progress(state);
}

}  // namespace

void draw_optimizers_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("Optimizers", ImGuiTreeNodeFlags_DefaultOpen)) return;
  add_menu(state);
  ImGui::TextDisabled("click the surface: move the selected start; shift-click: all starts");
  for (int i = 0; i < static_cast<int>(state.optimizers.size()); ++i) {
    if (!optimizer_slot(state, i)) {
      remove_optimizer(state, i);
      break;
    }
  }
  ImGui::Separator();
  schedule_section(state);
  run_section(state);
}

}  // namespace lv::app
