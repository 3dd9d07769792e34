// Scenes panel: the classroom lessons shipped in assets/scenes/, and open/save of scene files.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "common/errors.hpp"
#include "panels/panels.hpp"
#include "render/resources.hpp"

namespace lv::app {
namespace {

std::vector<std::string> lesson_files() {
  std::vector<std::string> files;
  try {
    for (const auto& entry :
         std::filesystem::directory_iterator(resource_directory("assets/scenes"))) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
  } catch (const std::exception&) {
    return files;  // no assets next to this build: the menu is empty
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void draw_scenes_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("Scenes and lessons")) return;
  static const std::vector<std::string> lessons = lesson_files();
  if (ImGui::BeginCombo("lesson", "open a lesson...")) {
    for (const std::string& path : lessons) {
      if (ImGui::Selectable(std::filesystem::path(path).stem().string().c_str())) {
        state.ui.load_request = path;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::InputText("file", &state.ui.scene_path);
  if (ImGui::Button("open (Ctrl+O)")) state.ui.load_request = state.ui.scene_path;
  ImGui::SameLine();
  if (ImGui::Button("save (Ctrl+S)")) state.ui.save_request = state.ui.scene_path;
  for (const std::string& message : state.ui.messages) {
    ImGui::TextWrapped("%s", message.c_str());
  }
}

}  // namespace lv::app
