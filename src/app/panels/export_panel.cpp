// Export panel: the view as a PNG of any size, figures, plots, trajectories, the surface (grid CSV,
// OBJ, STL) and the trajectory animation (GIF/MP4), with progress, cancel and recent files.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "file_listing.hpp"
#include "panels/file_browser.hpp"
#include "panels/panels.hpp"

namespace lv::app {
namespace {

struct KindEntry {
  const char* title;
  const char* default_path;
  const char* formats;
};

// In ExportKind order.
constexpr KindEntry k_kinds[] = {
    {"view image (PNG)", "lossviz.png", ".png"},
    {"figure (SVG/PDF)", "figure.svg", ".svg .pdf .png"},
    {"loss plots", "loss.svg", ".svg .pdf .png"},
    {"trajectories", "trajectories.csv", ".csv (one per run) .json"},
    {"surface grid (CSV/HDF5)", "surface.csv", ".csv .h5"},
    {"3D mesh (OBJ/STL)", "surface.obj", ".obj .stl"},
    {"animation (GIF/MP4)", "animation.gif", ".gif .mp4"},
};

}  // namespace

void draw_export_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("Export")) return;
  ExportState& exports = state.exports;
  const int previous_kind = exports.kind;
  if (ImGui::BeginCombo("what", k_kinds[exports.kind].title)) {
    for (int i = 0; i < static_cast<int>(std::size(k_kinds)); ++i) {
      if (ImGui::Selectable(k_kinds[i].title, i == exports.kind)) exports.kind = i;
    }
    ImGui::EndCombo();
  }
  if (exports.kind != previous_kind) exports.path = k_kinds[exports.kind].default_path;
  path_input("path", exports.path, FileBrowserMode::Save,
             extensions_in(k_kinds[exports.kind].formats));
  ImGui::TextDisabled("formats: %s", k_kinds[exports.kind].formats);
  const auto kind = static_cast<ExportKind>(exports.kind);
  if (kind == ExportKind::ViewImage || kind == ExportKind::Animation) {
    int size[2] = {exports.width, exports.height};
    if (ImGui::InputInt2("size (px)", size)) {
      exports.width = std::clamp(size[0], 16, 8192);
      exports.height = std::clamp(size[1], 16, 8192);
    }
  }
  if (kind == ExportKind::Animation) {
    ImGui::SliderInt("frame rate", &exports.fps, 5, 60);
    float seconds = static_cast<float>(exports.seconds);
    if (ImGui::SliderFloat("seconds", &seconds, 0.5f, 30.0f, "%.1f")) exports.seconds = seconds;
  }
  if (kind == ExportKind::SurfaceGrid || kind == ExportKind::Mesh) {
    ImGui::SliderInt("samples/side", &exports.grid_samples, 2, 1024);
  }
  if (exports.animating) {
    ImGui::ProgressBar(exports.progress, ImVec2(-ImGui::GetFontSize() * 5.0f, 0));
    ImGui::SameLine();
    if (ImGui::Button("cancel")) exports.cancel_request = true;
  } else if (ImGui::Button("export")) {
    exports.requests.push_back({kind, exports.path});
  }
  if (!exports.message.empty()) ImGui::TextWrapped("%s", exports.message.c_str());
  if (!exports.recent.empty()) ImGui::TextDisabled("recent files (click to reuse the path)");
  for (const std::string& path : exports.recent) {
    if (ImGui::Selectable(path.c_str())) exports.path = path;
  }
}

}  // namespace lv::app
