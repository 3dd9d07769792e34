// The main view's axes, drawn over the picture with ImGui: in 2D the x/y ticks and labels left of
// and below the heatmap (following pan and zoom), an optional grid, the known minima and saddles;
// in 3D ticked x, y and f axes on the box around the surface; in both the colorbar with the
// contour levels and each optimizer's current value marked. The numbers come from view_axes.hpp.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "curvature_view.hpp"
#include "plot/colormap.hpp"
#include "plot/nice_ticks.hpp"
#include "state_actions.hpp"
#include "view_axes.hpp"

namespace lv::app {
namespace {

ImU32 with_alpha(ImU32 color, float alpha) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  c.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 rgb_color(const std::array<float, 3>& color, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(color[0], color[1], color[2], alpha));
}

ImU32 rgb_color(const Rgb& color) {
  return rgb_color(std::array<float, 3>{static_cast<float>(color.r), static_cast<float>(color.g),
                                        static_cast<float>(color.b)});
}

void draw_text(ImDrawList* draw, ImVec2 at, ImU32 color, const std::string& text, float align_x,
               float align_y) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  draw->AddText(ImVec2(std::round(at.x - align_x * size.x), std::round(at.y - align_y * size.y)),
                color, text.c_str());
}

// The current value of each visible run (for the colorbar's markers).
std::vector<std::pair<double, std::array<float, 3>>> current_values(const AppState& state) {
  std::vector<std::pair<double, std::array<float, 3>>> values;
  for (size_t i = 0; i < state.optimizers.size() && i < state.run.trajectories.size(); ++i) {
    const Trajectory& trajectory = state.run.trajectories[i];
    if (!state.optimizers[i].visible || trajectory.empty()) continue;
    const int row = playback_row(trajectory, state.playback.step);
    const double value = trajectory.loss[static_cast<size_t>(row)];
    if (std::isfinite(value)) values.emplace_back(value, state.optimizers[i].color);
  }
  return values;
}

void draw_colorbar(ImDrawList* draw, const AppState& state, const Rect& plot, float font) {
  const ViewState& view = state.view;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ColorbarGeometry bar = colorbar_geometry(plot, font);
  const float width = bar.width, left = bar.left, top = bar.top, bottom = bar.bottom;
  if (bottom - top < 3 * font) return;
  const auto y_of = [&](double t) { return bar.y_of(t); };
  const Colormap& colormap = colormaps()[static_cast<size_t>(view.colormap)];
  constexpr int k_bands = 96;
  for (int band = 0; band < k_bands; ++band) {
    const float t0 = static_cast<float>(band) / k_bands,
                t1 = static_cast<float>(band + 1) / k_bands;
    const ImU32 low = rgb_color(colormap.sample(t0));
    const ImU32 high = rgb_color(colormap.sample(t1));
    draw->AddRectFilledMultiColor(ImVec2(left, y_of(t1)), ImVec2(left + width, y_of(t0) + 0.5f),
                                  high, high, low, low);
  }
  const ValueScaleTicks ticks = value_scale_ticks(view);
  // Contour levels: the lines the picture draws, as short marks across the bar.
  const ImU32 level_color = IM_COL32(255, 255, 255, 150);
  for (const double t : ticks.levels) {
    draw->AddLine(ImVec2(left, y_of(t)), ImVec2(left + 0.45f * width, y_of(t)), level_color, 1.0f);
  }
  draw->AddRect(ImVec2(left, top), ImVec2(left + width, bottom), with_alpha(text, 0.7f));
  const float tick = 0.3f * font;
  for (const double t : ticks.minor) {
    draw->AddLine(ImVec2(left + width, y_of(t)), ImVec2(left + width + 0.6f * tick, y_of(t)),
                  with_alpha(text, 0.7f));
  }
  float last_label = 1e9f;
  for (const auto& major : ticks.major) {
    const float y = y_of(major.t);
    draw->AddLine(ImVec2(left + width, y), ImVec2(left + width + tick, y), text, 1.0f);
    if (std::abs(y - last_label) < font) continue;  // labels never overlap
    draw_text(draw, ImVec2(left + width + 1.5f * tick, y), text, major.label, 0.0f, 0.5f);
    last_label = y;
  }
  // The title right-aligned above the labels (it may reach left over the picture's top margin).
  const std::string title = ticks.title + (view.log_scale ? " (log scale)" : "");
  const float title_width = ImGui::CalcTextSize(title.c_str()).x;
  const float title_left = std::min(left + 0.5f * (width - title_width),
                                    plot.x + plot.width + 5.8f * font - title_width);
  draw_text(draw, ImVec2(title_left, top - 0.3f * font), text, title, 0.0f, 1.0f);
  // Where each optimizer is now, on the value scale.
  for (const auto& [value, color] : current_values(state)) {
    const float y = y_of(std::clamp(static_cast<double>(scaled_value(view, value)), 0.0, 1.0));
    const float x = left - 0.15f * font;
    draw->AddTriangleFilled(ImVec2(x, y), ImVec2(x - 0.6f * font, y - 0.35f * font),
                            ImVec2(x - 0.6f * font, y + 0.35f * font), rgb_color(color));
  }
}

void draw_critical_point(ImDrawList* draw, ImVec2 at, CriticalKind kind, float font) {
  const float r = 0.38f * font;
  const ImU32 ink = IM_COL32(255, 255, 255, 235), shadow = IM_COL32(0, 0, 0, 200);
  if (kind == CriticalKind::Saddle) {  // ×
    for (const ImU32 color : {shadow, ink}) {
      const float w = color == shadow ? 4.0f : 2.0f;
      draw->AddLine(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), color, w);
      draw->AddLine(ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y - r), color, w);
    }
    return;
  }
  // Minima: a star-like plus in a ring (filled centre for the global minimum).
  draw->AddCircle(at, r, shadow, 16, 4.0f);
  draw->AddCircle(at, r, ink, 16, 2.0f);
  if (kind == CriticalKind::GlobalMinimum) draw->AddCircleFilled(at, 0.3f * r, ink);
}

void draw_axes_2d(ImDrawList* draw, const AppState& state, const Rect& plot, float pixels_per_point,
                  float font) {
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const View2D& view = state.view.view2d;
  const std::vector<ScreenTick> x_ticks =
      view2d_x_ticks(view, plot, pixels_per_point, k_x_tick_spacing * font);
  const std::vector<ScreenTick> y_ticks =
      view2d_y_ticks(view, plot, pixels_per_point, k_y_tick_spacing * font);
  const float tick = 0.35f * font;
  const float right = plot.x + plot.width, bottom = plot.y + plot.height;
  if (state.view.grid) {
    const ImU32 grid = IM_COL32(255, 255, 255, 60);
    for (const ScreenTick& t : x_ticks) {
      draw->AddLine(ImVec2(t.at, plot.y), ImVec2(t.at, bottom), grid, 1.0f);
    }
    for (const ScreenTick& t : y_ticks) {
      draw->AddLine(ImVec2(plot.x, t.at), ImVec2(right, t.at), grid, 1.0f);
    }
  }
  draw->AddRect(ImVec2(plot.x - 0.5f, plot.y - 0.5f), ImVec2(right + 0.5f, bottom + 0.5f),
                with_alpha(text, 0.7f));
  for (const ScreenTick& t : x_ticks) {
    draw->AddLine(ImVec2(t.at, bottom), ImVec2(t.at, bottom + tick), text, 1.0f);
    draw_text(draw, ImVec2(t.at, bottom + tick + 1.0f), text, t.label, 0.5f, 0.0f);
  }
  for (const ScreenTick& t : y_ticks) {
    draw->AddLine(ImVec2(plot.x - tick, t.at), ImVec2(plot.x, t.at), text, 1.0f);
    draw_text(draw, ImVec2(plot.x - tick - 3.0f, t.at), text, t.label, 1.0f, 0.5f);
  }
  // Axis names at the ends of the axes, out of the numbers' way.
  draw_text(draw, ImVec2(right + 0.5f * font, bottom + tick + 1.0f), with_alpha(text, 0.85f), "x",
            0.0f, 0.0f);
  draw_text(draw, ImVec2(plot.x - tick - 3.0f, plot.y - 0.55f * font), with_alpha(text, 0.85f), "y",
            1.0f, 1.0f);
  if (!state.view.critical_points) return;
  const PlotMapping mapping(view, plot, pixels_per_point);
  draw->PushClipRect(ImVec2(plot.x, plot.y), ImVec2(right, bottom), true);
  for (const CriticalPoint& point : known_critical_points(state)) {
    const ImVec2 at(mapping.screen_x(point.x), mapping.screen_y(point.y));
    draw_critical_point(draw, at, point.kind, font);
  }
  draw->PopClipRect();
}

// 3D: the box around the surface is drawn with depth by the line renderer (App::add_box_edges);
// here the ticks and numbers on its front floor edges and on the vertical f axis.
void draw_axes_3d(ImDrawList* draw, const AppState& state, const Rect& plot, float font) {
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const BoxAxes box = box_axes(state, plot.width / plot.height);
  const Matrix4 transform = state.view.camera.view_projection(plot.width / plot.height);
  const auto project = [&](const Vector3& p, ImVec2& out) {
    const Eigen::Vector4f clip = transform * Eigen::Vector4f(p.x(), p.y(), p.z(), 1.0f);
    if (clip.w() <= 1e-6f) return false;
    out = ImVec2(plot.x + (clip.x() / clip.w() + 1.0f) * 0.5f * plot.width,
                 plot.y + (1.0f - clip.y() / clip.w()) * 0.5f * plot.height);
    return true;
  };
  draw->PushClipRect(ImVec2(plot.x, plot.y), ImVec2(plot.x + plot.width, plot.y + plot.height),
                     true);
  for (const BoxAxes::Axis& axis : box.axes) {
    ImVec2 a, b, label;
    for (const BoxAxes::Tick& t : axis.ticks) {
      if (!project(t.position, a) || !project(t.position + axis.outward * 0.05f, b)) continue;
      draw->AddLine(a, b, text, 1.5f);
      if (project(t.position + axis.outward * 0.14f, label)) {
        draw_text(draw, label, text, t.label, axis.vertical ? 1.0f : 0.5f, 0.5f);
      }
    }
    if (project(axis.title_position, label)) {
      draw_text(draw, label, with_alpha(text, 0.85f), axis.title, 0.5f, 0.5f);
    }
  }
  if (state.view.critical_points) {
    for (const CriticalPoint& point : known_critical_points(state)) {
      ImVec2 at;
      if (project(surface_point(state, point.x, point.y, point.value) + Vector3(0, 0, 0.01f), at)) {
        draw_critical_point(draw, at, point.kind, font);
      }
    }
  }
  draw->PopClipRect();
}

}  // namespace

void draw_view_axes(const AppState& state, const Rect& plot, float pixels_per_point) {
  if (!state.view.axes || plot.width < 50 || plot.height < 50) return;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float font = ImGui::GetFontSize();
  if (state.view.three_d) {
    draw_axes_3d(draw, state, plot, font);
  } else {
    draw_axes_2d(draw, state, plot, pixels_per_point, font);
  }
  draw_colorbar(draw, state, plot, font);
}

}  // namespace lv::app
