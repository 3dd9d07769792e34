// View panel: 2D/3D, colormap and value scale, contours, gradient arrows, curvature coloring,
// the curvature overlays at the optimizers' points (2D), 3D mesh resolution and height, theme and
// presentation mode.
#include <imgui.h>

#include "panels/panels.hpp"
#include "plot/colormap.hpp"

namespace lv::app {
namespace {

constexpr int k_resolutions[] = {0, 32, 64, 128, 256, 512, 1024};

std::string resolution_label(int resolution) {
  return resolution == 0 ? "automatic"
                         : std::to_string(resolution) + " x " + std::to_string(resolution);
}

}  // namespace

void draw_view_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) return;
  ViewState& view = state.view;
  int mode = view.three_d ? 1 : 0;
  ImGui::RadioButton("2D", &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("3D", &mode, 1);
  ImGui::SameLine();
  if (ImGui::Button("home view")) state.ui.home_request = true;
  if ((mode == 1) != view.three_d) {
    view.three_d = mode == 1;
    view.range_stale = true;
  }
  const auto& maps = colormaps();
  if (ImGui::BeginCombo("colormap", maps[static_cast<size_t>(view.colormap)].name.c_str())) {
    for (size_t i = 0; i < maps.size(); ++i) {
      if (ImGui::Selectable(maps[i].name.c_str(), static_cast<int>(i) == view.colormap)) {
        view.colormap = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::Checkbox("log scale", &view.log_scale)) view.range_stale = true;
  ImGui::SameLine();
  ImGui::Checkbox("arrows", &view.arrows);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("descent direction -grad f (2D view)");
  ImGui::SliderInt("contours", &view.contours, 0, 60);
  ImGui::Checkbox("axes", &view.axes);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("ticked axes around the picture and the colorbar");
  ImGui::SameLine();
  ImGui::Checkbox("grid", &view.grid);
  ImGui::SameLine();
  ImGui::Checkbox("minima", &view.critical_points);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "the built-in function's known minima (ring; filled: global) and saddles (cross),\n"
        "from the literature, at its default parameters");
  }
  ImGui::Checkbox("color by smallest Hessian eigenvalue", &view.color_by_curvature);
  ImGui::Checkbox("eigenvectors", &view.hessian_eigenvectors);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Hessian eigenvectors at each optimizer's point (2D): arrow length grows with log |λ|;\n"
        "dashed magenta: negative curvature (the surface bends down along it)");
  }
  ImGui::SameLine();
  ImGui::Checkbox("quadratic model", &view.quadratic_model);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "level set of the local model f + g·d + ½ d·Hd = f through each optimizer's point (2D):\n"
        "an ellipse around the Newton point where H is definite, hyperbolas where it is\n"
        "indefinite (near a minimum: a small ellipse at a slightly higher level)");
  }
  if (view.three_d) {
    if (ImGui::BeginCombo("mesh", resolution_label(view.mesh_resolution).c_str())) {
      for (int resolution : k_resolutions) {
        if (ImGui::Selectable(resolution_label(resolution).c_str(),
                              resolution == view.mesh_resolution)) {
          view.mesh_resolution = resolution;
        }
      }
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("automatic: 64 while dragging or playing, 192 when idle");
    }
    // Cost grows with the square of the side: say so before a software renderer stalls on it.
    if (view.mesh_resolution >= 512) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.65f, 0.2f, 1.0f));
      ImGui::TextWrapped(
          "%d² = %.1f M vertices: fine on a real GPU; software GL (llvmpipe) takes ~0.5 s a "
          "frame and ~400 MB",
          view.mesh_resolution,
          static_cast<double>(view.mesh_resolution) * view.mesh_resolution / 1e6);
      ImGui::PopStyleColor();
    }
    ImGui::Checkbox("surface contours", &view.surface_contours);
    ImGui::SameLine();
    ImGui::Checkbox("floor contours", &view.floor_contours);
    ImGui::SliderFloat("height", &view.height_scale, 0.1f, 2.0f);
  }
  ImGui::Checkbox("dark theme", &state.ui.dark_theme);
  ImGui::SameLine();
  ImGui::Checkbox("plots", &state.ui.show_plots);
  ImGui::SameLine();
  if (ImGui::Button("present (F5)")) state.ui.presentation = true;
}

}  // namespace lv::app
