// Lesson panel: the scene's title and teaching text in a strip above the picture (the only panel
// left in presentation mode), plus any problems loading the scene. The strip is laid out before
// the picture (lesson_panel_height), so the text never covers what the lesson is about.
#include <imgui.h>

#include "panels/panels.hpp"

namespace lv::app {
namespace {

bool has_lesson(const AppState& state) {
  return !state.ui.lesson_title.empty() || !state.ui.lesson_text.empty() ||
         !state.ui.messages.empty();
}

}  // namespace

float lesson_panel_height(const AppState& state, float width) {
  if (!has_lesson(state)) return 0.0f;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float wrap = std::max(1.0f, width - 2.0f * style.WindowPadding.x);
  const float line = ImGui::GetTextLineHeight() + style.ItemSpacing.y;
  float height = 2.0f * style.WindowPadding.y;
  if (!state.ui.lesson_title.empty()) height += line + style.ItemSpacing.y;  // and the separator
  if (!state.ui.lesson_text.empty()) {
    height += ImGui::CalcTextSize(state.ui.lesson_text.c_str(), nullptr, false, wrap).y +
              style.ItemSpacing.y;
  }
  if (!state.ui.lesson_title.empty() || !state.ui.lesson_text.empty()) {
    height += line;  // the optimizers' names in their colors
  }
  for (const std::string& message : state.ui.messages) {
    height += ImGui::CalcTextSize(message.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y;
  }
  return height;
}

void draw_lesson_panel(AppState& state, const Rect& area) {
  if (!has_lesson(state) || area.height <= 0.0f) return;
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
  ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("Lesson", nullptr, flags)) {
    if (!state.ui.lesson_title.empty()) {
      ImGui::TextUnformatted(state.ui.lesson_title.c_str());
      ImGui::Separator();
    }
    if (!state.ui.lesson_text.empty()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(state.ui.lesson_text.c_str());
      ImGui::PopTextWrapPos();
    }
    if (!state.ui.lesson_title.empty() || !state.ui.lesson_text.empty()) {
      for (const OptimizerSlot& slot : state.optimizers) {
        const auto color = readable_color(state, slot.color);
        ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "%s", slot.label.c_str());
        ImGui::SameLine();
      }
      ImGui::NewLine();
    }
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& message : state.ui.messages) {
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", message.c_str());
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace lv::app
