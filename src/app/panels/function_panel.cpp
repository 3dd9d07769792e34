// Function panel: pick a built-in surface or type a formula; sliders for its parameters.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "panels/panels.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

void function_combo(AppState& state) {
  const auto& functions = test_functions();
  const char* current = state.function.model ? state.function.model->info().title.c_str()
                        : state.function.builtin >= 0
                            ? functions[static_cast<size_t>(state.function.builtin)].title.c_str()
                            : "typed formula";
  if (!ImGui::BeginCombo("function", current)) return;
  for (size_t i = 0; i < functions.size(); ++i) {
    const std::string label = functions[i].title + "  (" + functions[i].name + ")";
    if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == state.function.builtin)) {
      select_builtin_function(state, static_cast<int>(i));
      state.ui.home_request = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", functions[i].description.c_str());
  }
  ImGui::Separator();
  ImGui::TextDisabled("models on data");
  for (const TwoParamModelInfo& model : two_param_models()) {
    const std::string label = model.title + "  (" + model.name + ")";
    const bool selected = state.function.model && &state.function.model->info() == &model;
    if (ImGui::Selectable(label.c_str(), selected) &&
        select_two_param_model(state, model, model.default_data)) {
      state.ui.home_request = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", model.description.c_str());
  }
  ImGui::EndCombo();
}

// A model on data: its data (generator or CSV path), the batch size and the seed of the batches.
void model_controls(AppState& state) {
  const TwoParamModel& model = *state.function.model;
  ImGui::TextWrapped("%s", model.info().description.c_str());
  ImGui::TextWrapped("loss = %s over %d samples", model.info().loss.c_str(), model.sample_count());
  std::string& data = state.function.model_data;
  if (ImGui::InputText("data", &data, ImGuiInputTextFlags_EnterReturnsTrue)) {
    select_two_param_model(state, model.info(), data);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("a generator such as %s, or a CSV file with a header (Enter loads it)",
                      model.info().default_data.c_str());
  }
  if (!state.function.data_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.4f, 0.35f, 1.0f));
    ImGui::TextWrapped("%s", state.function.data_error.c_str());
    ImGui::PopStyleColor();
  }
  int batch = state.run.batch_size;
  if (ImGui::SliderInt("batch size", &batch, 0, std::min(model.sample_count(), 256),
                       batch == 0 ? "full batch" : "%d")) {
    state.run.batch_size = std::max(0, batch);
    state.run.stale = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("samples per SGD step (0: full batch, plain gradient descent)");
  if (ImGui::InputInt("batch seed", &state.run.seed)) {
    state.run.seed = std::max(0, state.run.seed);
    state.run.stale = true;
  }
}

void parameter_sliders(AppState& state) {
  const Expr& expr = state.function.expr;
  for (size_t i = 0; i < expr.parameters().size(); ++i) {
    const FormulaParameter& parameter = expr.parameters()[i];
    double value = expr.parameter_values()[i];
    if (ImGui::SliderScalar(parameter.name.c_str(), ImGuiDataType_Double, &value, &parameter.min,
                            &parameter.max, "%.4g")) {
      set_formula_parameter(state, static_cast<int>(i), value);
    }
    if (ImGui::IsItemActive()) state.ui.interacting = true;
  }
}

// Declares a new named parameter so a typed formula can use it (e.g. "k" for k*x^2).
void new_parameter_field(AppState& state) {
  std::string& name = state.ui.new_parameter_name;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputTextWithHint("##new parameter", "name", &name);
  ImGui::SameLine();
  if (!ImGui::Button("add parameter") || name.empty()) return;
  std::vector<FormulaParameter> parameters = state.function.expr.parameters();
  for (size_t i = 0; i < parameters.size(); ++i) {
    parameters[i].value = state.function.expr.parameter_values()[i];
  }
  parameters.push_back({name, 1.0, -5.0, 5.0});
  try {
    state.function.expr = Expr::parse(state.function.expr.text(), parameters);
    name.clear();
    state.function.shader_stale = true;
    apply_formula_text(state);
  } catch (const std::exception& error) {
    state.function.error = error.what();
  }
}

// The constraints: one field per row (applied when Enter is pressed or the field is left), a
// remove button each, a row to add one; a malformed one is named with its column and the last
// good set stays drawn.
void constraint_rows(AppState& state) {
  FunctionState& function = state.function;
  ImGui::TextUnformatted("subject to");
  ImGui::SameLine();
  ImGui::TextDisabled("(g(x, y) <= 0, >= , = )");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "one constraint per row, e.g.  x + y >= 1,  x^2 + y^2 <= 4,  abs(x) + abs(y) <= 1,\n"
        "y = x^2. The infeasible region is hatched, boundaries are white; constrained\n"
        "methods (projected, penalty, log_barrier, augmented_lagrangian, ...) use them, and at\n"
        "each run's point the KKT check shows the multipliers and residuals.");
  }
  std::vector<std::string> rows = function.constraint_texts;
  bool changed = false;
  int remove = -1;
  for (size_t i = 0; i < rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 2.2f * ImGui::GetFontSize());
    ImGui::InputText("##constraint", &rows[i]);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = static_cast<int>(i);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("remove this constraint");
    ImGui::PopID();
  }
  if (remove >= 0) {
    rows.erase(rows.begin() + remove);
    changed = true;
  }
  static std::string new_row;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 2.2f * ImGui::GetFontSize());
  if (ImGui::InputTextWithHint("##new constraint", "add a constraint, e.g. x + y >= 1", &new_row,
                               ImGuiInputTextFlags_EnterReturnsTrue) &&
      !new_row.empty()) {
    rows.push_back(new_row);
    new_row.clear();
    changed = true;
  }
  if (changed) set_constraints(state, rows);
  if (!function.constraint_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.4f, 0.35f, 1.0f));
    ImGui::TextWrapped("%s", function.constraint_error.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void draw_function_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("Function", ImGuiTreeNodeFlags_DefaultOpen)) return;
  function_combo(state);
  if (state.function.model) {
    model_controls(state);
    return;
  }
  if (state.function.builtin >= 0) {
    ImGui::TextWrapped(
        "%s", test_functions()[static_cast<size_t>(state.function.builtin)].description.c_str());
  }
  ImGui::TextUnformatted("f(x, y) =");
  if (ImGui::InputTextMultiline("##formula", &state.function.editor_text,
                                ImVec2(-1, ImGui::GetTextLineHeight() * 3))) {
    apply_formula_text(state);
  }
  if (!state.function.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.4f, 0.35f, 1.0f));
    ImGui::TextWrapped("%s", state.function.error.c_str());
    ImGui::PopStyleColor();
  }
  parameter_sliders(state);
  new_parameter_field(state);
  constraint_rows(state);
}

}  // namespace lv::app
