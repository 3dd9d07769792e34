#include "panels/hyperparameter_widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "common/errors.hpp"

namespace lv::app {
namespace {

bool real_widget(HyperParameters& parameters, const HyperParameter& descriptor) {
  double value = parameters.get(descriptor.name);
  const double low = std::max(descriptor.slider_min, descriptor.valid_min);
  const double high = std::min(descriptor.slider_max, descriptor.valid_max);
  const ImGuiSliderFlags flags = descriptor.log_scale ? ImGuiSliderFlags_Logarithmic : 0;
  if (!ImGui::SliderScalar(descriptor.name.c_str(), ImGuiDataType_Double, &value, &low, &high,
                           descriptor.log_scale ? "%.3g" : "%.4g", flags)) {
    return false;
  }
  parameters.set(descriptor.name, std::clamp(value, descriptor.valid_min, descriptor.valid_max));
  return true;
}

bool integer_widget(HyperParameters& parameters, const HyperParameter& descriptor) {
  int value = parameters.integer(descriptor.name);
  if (!ImGui::SliderInt(descriptor.name.c_str(), &value, static_cast<int>(descriptor.slider_min),
                        static_cast<int>(descriptor.slider_max))) {
    return false;
  }
  parameters.set(descriptor.name, std::clamp(static_cast<double>(value), descriptor.valid_min,
                                             descriptor.valid_max));
  return true;
}

bool boolean_widget(HyperParameters& parameters, const HyperParameter& descriptor) {
  bool value = parameters.flag(descriptor.name);
  if (!ImGui::Checkbox(descriptor.name.c_str(), &value)) return false;
  parameters.set(descriptor.name, value ? 1.0 : 0.0);
  return true;
}

bool choice_widget(HyperParameters& parameters, const HyperParameter& descriptor) {
  const std::string& current = parameters.choice(descriptor.name);
  bool changed = false;
  if (ImGui::BeginCombo(descriptor.name.c_str(), current.c_str())) {
    for (size_t i = 0; i < descriptor.choices.size(); ++i) {
      if (ImGui::Selectable(descriptor.choices[i].c_str(), descriptor.choices[i] == current)) {
        parameters.set(descriptor.name, static_cast<double>(i));
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool list_widget(HyperParameters& parameters, const HyperParameter& descriptor) {
  std::string text = parameters.to_text(descriptor.name);
  if (!ImGui::InputText(descriptor.name.c_str(), &text, ImGuiInputTextFlags_EnterReturnsTrue)) {
    return false;
  }
  try {
    parameters.set_from_text(descriptor.name, text);
  } catch (const InputError&) {
    return false;  // the field shows the old list again: nothing changed
  }
  return true;
}

}  // namespace

bool draw_hyperparameter_widgets(HyperParameters& parameters) {
  bool changed = false;
  // Room for the longest name beside its widget, so no label is cut off at the panel's edge
  // ("warmup_start_factor"); the widget keeps at least 40% of the width.
  float longest = 0.0f;
  for (const HyperParameter& descriptor : parameters.descriptors()) {
    longest = std::max(longest, ImGui::CalcTextSize(descriptor.name.c_str()).x);
  }
  const float available = ImGui::GetContentRegionAvail().x;
  const float label = longest + ImGui::GetStyle().ItemInnerSpacing.x + 2.0f;
  ImGui::PushItemWidth(
      std::max(0.4f * available, std::min(ImGui::CalcItemWidth(), available - label)));
  for (const HyperParameter& descriptor : parameters.descriptors()) {
    switch (descriptor.kind) {
      case ParameterKind::Real:
        changed |= real_widget(parameters, descriptor);
        break;
      case ParameterKind::Integer:
        changed |= integer_widget(parameters, descriptor);
        break;
      case ParameterKind::Boolean:
        changed |= boolean_widget(parameters, descriptor);
        break;
      case ParameterKind::Choice:
        changed |= choice_widget(parameters, descriptor);
        break;
      case ParameterKind::List:
        changed |= list_widget(parameters, descriptor);
        break;
    }
    if (!descriptor.help.empty() && ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", descriptor.help.c_str());
    }
  }
  ImGui::PopItemWidth();
  return changed;
}

}  // namespace lv::app
