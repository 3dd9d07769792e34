// Lesson panel: the scene's title and teaching text above the picture (the only panel left in
// presentation mode), plus any problems loading the scene.
#include <imgui.h>

#include "panels/panels.hpp"

namespace lv::app {

void draw_lesson_panel(AppState& state, const Rect& area) {
  if (state.ui.lesson_title.empty() && state.ui.lesson_text.empty() && state.ui.messages.empty()) {
    return;
  }
  const float width = std::min(area.width - 20.0f, 60.0f * ImGui::GetFontSize());
  ImGui::SetNextWindowPos(ImVec2(area.x + 0.5f * (area.width - width), area.y + 10.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.82f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("Lesson", nullptr, flags)) {
    ImGui::TextUnformatted(state.ui.lesson_title.c_str());
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(state.ui.lesson_text.c_str());
    ImGui::PopTextWrapPos();
    for (const OptimizerSlot& slot : state.optimizers) {
      const auto color = readable_color(state, slot.color);
      ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "%s", slot.label.c_str());
      ImGui::SameLine();
    }
    ImGui::NewLine();
    for (const std::string& message : state.ui.messages) {
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", message.c_str());
    }
  }
  ImGui::End();
}

}  // namespace lv::app
