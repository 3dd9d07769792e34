// Optimizers panel: add any registered optimizer (several at once), per-optimizer color, label,
// start point and descriptor-built hyperparameter controls; the shared schedule, clipping, noise.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "optim/registry.hpp"
#include "panels/hyperparameter_widgets.hpp"
#include "panels/line_plot.hpp"
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

// The LR finder: a button that runs the range test for this optimizer from its start, the loss
// against the lr (log axis) with the suggested lr marked, and a button to use it.
bool lr_finder_section(AppState& state, OptimizerSlot& slot, int index) {
  if (!slot.optimizer->hyperparameters().has("lr")) return false;
  if (ImGui::SmallButton("LR finder")) run_lr_finder(state, index);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "learning-rate range test (Smith 2017; fastai's LR finder): one run from this start\n"
        "with lr growing from 1e-6 to 10 over 100 steps; suggested: the steepest descent of\n"
        "the smoothed loss");
  }
  if (!slot.lr_finder_error.empty()) slot_error(slot.lr_finder_error);
  if (!slot.lr_finder) return false;
  const LrFinderResult& result = *slot.lr_finder;
  static std::vector<double> log_lr;
  log_lr.clear();
  for (const double lr : result.learning_rates) log_lr.push_back(std::log10(lr));
  const auto color = readable_color(state, slot.color);
  const std::vector<Series> series = {
      {&log_lr, &result.losses,
       ImGui::ColorConvertFloat4ToU32(ImVec4(color[0], color[1], color[2], 1)), "loss"},
      {&log_lr, &result.smoothed_losses, ImGui::GetColorU32(ImGuiCol_Text), "smoothed", true}};
  LinePlotOptions options;
  options.log_y = true;
  options.x_min = log_lr.empty() ? -6.0 : log_lr.front();
  options.x_max = log_lr.empty() ? 1.0 : log_lr.back();
  options.x_name = "log10 lr";
  if (result.suggested_index >= 0) {
    options.x_markers.push_back({std::log10(result.suggested_lr), "suggested"});
  }
  draw_line_plot("loss vs log10 lr", series, options,
                 ImVec2(ImGui::GetContentRegionAvail().x, 7.5f * ImGui::GetFontSize()));
  if (result.suggested_index < 0) {
    ImGui::TextDisabled("no lr where the loss falls: no suggestion");
    return false;
  }
  char label[64];
  std::snprintf(label, sizeof label, "use lr = %.3g", result.suggested_lr);
  if (!ImGui::SmallButton(label)) return false;
  slot.optimizer->set_hyperparameter("lr", result.suggested_lr);
  return true;
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
    changed |= lr_finder_section(state, slot, index);
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
