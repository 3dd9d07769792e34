// The start-up prompt after a crash: the autosaved scene of the session that ended unexpectedly
// (autosave.hpp) can be restored or discarded.
#include <imgui.h>

#include "panels/panels.hpp"

namespace lv::app {

void draw_recovery_prompt(AppState& state) {
  std::string& path = state.ui.recovery_path;
  if (path.empty()) return;
  const char* title = "Restore the last session?";
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("lossviz did not close cleanly last time.");
  ImGui::Text("Its scene was autosaved to %s", path.c_str());
  if (ImGui::Button("Restore")) {
    state.ui.load_request = path;
    path.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard")) {
    path.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace lv::app
