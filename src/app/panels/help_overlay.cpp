// Help overlay (F1): mouse and keyboard controls.
#include <imgui.h>

#include "panels/panels.hpp"

namespace lv::app {

void draw_help_overlay(AppState& state) {
  if (!state.ui.show_help) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (!ImGui::Begin("Help (F1)", &state.ui.show_help,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  static constexpr const char* k_controls[][2] = {
      {"click surface", "move the selected optimizer's start"},
      {"shift + click", "move every start"},
      {"left drag", "pan (2D) / orbit (3D)"},
      {"right drag", "pan"},
      {"wheel", "zoom"},
      {"hover", "value, gradient, Hessian eigenvalues and eigenvectors"},
      {"space", "play / pause"},
      {"left / right", "step back / forward"},
      {"R", "restart and reset the view"},
      {"F", "fullscreen"},
      {"F5", "presentation mode (big text, thick lines, lesson only)"},
      {"Ctrl+S / Ctrl+O", "save / open the scene file"},
      {"Ctrl+Z", "undo a change to the scene"},
      {"Ctrl+Shift+Z / Ctrl+Y", "redo"},
      {"drop a file", "open a scene, surface, weights or data file"},
      {"F1", "this help"},
  };
  if (ImGui::BeginTable("controls", 2)) {
    for (const auto& control : k_controls) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(control[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(control[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace lv::app
