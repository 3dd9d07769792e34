// Scenes panel: the classroom lessons shipped in assets/scenes/, open/save of scene files (typed
// or browsed), and the Undo/Redo buttons.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "common/errors.hpp"
#include "panels/file_browser.hpp"
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
  // Scenes, and loss surfaces, which the same Open shows (App::load_scene_file).
  if (path_input("file", state.ui.scene_path, FileBrowserMode::Open, {".json", ".h5", ".hdf5"}))
    state.ui.load_request = state.ui.scene_path;
  if (ImGui::Button("open (Ctrl+O)")) state.ui.load_request = state.ui.scene_path;
  ImGui::SameLine();
  if (ImGui::Button("save (Ctrl+S)")) state.ui.save_request = state.ui.scene_path;
  ImGui::SameLine();
  if (file_browser_button("save as...", state.ui.scene_path, FileBrowserMode::Save, {".json"}))
    state.ui.save_request = state.ui.scene_path;
  for (const std::string& message : state.ui.messages) {
    ImGui::TextWrapped("%s", message.c_str());
  }
}

void draw_undo_buttons(AppState& state) {
  ImGui::BeginDisabled(!state.ui.undo.can_undo());
  if (ImGui::SmallButton("undo")) state.ui.undo_request = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("undo the last change to the scene (Ctrl+Z)");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.ui.undo.can_redo());
  if (ImGui::SmallButton("redo")) state.ui.redo_request = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("redo (Ctrl+Shift+Z or Ctrl+Y)");
  ImGui::EndDisabled();
}

}  // namespace lv::app
