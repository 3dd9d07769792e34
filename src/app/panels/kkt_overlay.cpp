// The KKT picture over the 2D view: at each constrained run's point at the playback step, ∇f
// (white) and each multiplier-weighted constraint gradient λ_i ∇g_i (cyan), on one common scale so
// that at a KKT point they visibly cancel, and the active constraints' tangent lines (yellow).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kkt_view.hpp"
#include "panels/panels.hpp"
#include "view_axes.hpp"

namespace lv::app {
namespace {

void arrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::hypot(dx, dy);
  if (length < 2.0f) return;
  const float ux = dx / length, uy = dy / length;
  const float head = std::min(4.8f * thickness, 0.4f * length);
  const ImVec2 left(to.x - head * ux + 0.5f * head * uy, to.y - head * uy - 0.5f * head * ux);
  const ImVec2 right(to.x - head * ux - 0.5f * head * uy, to.y - head * uy + 0.5f * head * ux);
  const ImU32 shadow = IM_COL32(0, 0, 0, 170);
  draw->AddLine(from, to, shadow, thickness + 2.5f);
  draw->AddTriangleFilled(to, left, right, shadow);
  draw->AddLine(from, ImVec2(to.x - 0.6f * head * ux, to.y - 0.6f * head * uy), color, thickness);
  draw->AddTriangleFilled(to, left, right, color);
}

// The label just beyond the arrow's tip, on the side the arrow points to, so it never covers the
// arrowhead.
void label(ImDrawList* draw, ImVec2 from, ImVec2 tip, ImU32 color, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float dx = tip.x - from.x, dy = tip.y - from.y;
  const float length = std::max(std::hypot(dx, dy), 1e-3f);
  const float gap = 0.4f * ImGui::GetFontSize();
  ImVec2 at(tip.x + gap * dx / length, tip.y + gap * dy / length);
  if (dx < 0) at.x -= size.x;
  if (dy < 0) at.y -= size.y;
  draw->AddText(ImVec2(at.x + 1.0f, at.y + 1.0f), IM_COL32(0, 0, 0, 200), text.c_str());
  draw->AddText(at, color, text.c_str());
}

}  // namespace

void draw_kkt_overlay(const AppState& state, const Rect& plot, float pixels_per_point) {
  if (state.view.three_d || state.function.constraints.empty()) return;
  const PlotMapping mapping(state.view.view2d, plot, pixels_per_point);
  const auto screen = [&](const Vec& p) {
    return ImVec2(mapping.screen_x(p[0]), mapping.screen_y(p[1]));
  };
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->PushClipRect(ImVec2(plot.x, plot.y), ImVec2(plot.x + plot.width, plot.y + plot.height),
                     true);
  const ImU32 white = IM_COL32(255, 255, 255, 255), cyan = IM_COL32(110, 225, 255, 255);
  const ImU32 yellow = IM_COL32(255, 220, 60, 230);
  // Sizes follow the font, so presentation mode's big fonts get big arrows.
  const float unit = ImGui::GetFontSize() / 16.0f;
  for (size_t slot = 0; slot < state.optimizers.size(); ++slot) {
    if (!state.optimizers[slot].visible) continue;
    const std::optional<KktView> kkt = kkt_view(state, slot);
    if (!kkt) continue;
    const ImVec2 at = screen(kkt->point);
    // Active constraints: their tangent line through the point.
    const ConstraintSet& constraints = state.function.constraints;
    for (int i = 0; i < constraints.size(); ++i) {
      if (!kkt->report.active[static_cast<size_t>(i)]) continue;
      const Vec normal = constraints.evaluate(i, kkt->point).gradient;
      const double norm = normal.norm();
      if (!(norm > 0)) continue;
      const float tx = static_cast<float>(-normal[1] / norm),
                  ty = static_cast<float>(-normal[0] / norm);
      draw->AddLine(ImVec2(at.x - 45.0f * unit * tx, at.y - 45.0f * unit * ty),
                    ImVec2(at.x + 45.0f * unit * tx, at.y + 45.0f * unit * ty), yellow,
                    3.5f * unit);
    }
    // One scale for all arrows of this point: the longest is 80 pixels.
    double longest = kkt->gradient.norm();
    for (const Vec& w : kkt->weighted) longest = std::max(longest, w.norm());
    if (!(longest > 0) || !std::isfinite(longest)) continue;
    const double scale = 80.0 * unit / longest;
    const auto tip = [&](const Vec& v) {
      return ImVec2(static_cast<float>(at.x + scale * v[0]),
                    static_cast<float>(at.y - scale * v[1]));
    };
    arrow(draw, at, tip(kkt->gradient), white, 2.5f * unit);
    label(draw, at, tip(kkt->gradient), white, "\u2207f");
    for (size_t i = 0; i < kkt->weighted.size(); ++i) {
      if (!(kkt->weighted[i].norm() > 1e-12 * longest)) continue;
      arrow(draw, at, tip(kkt->weighted[i]), cyan, 2.5f * unit);
      label(draw, at, tip(kkt->weighted[i]), cyan,
            "\u03bb" + std::to_string(i + 1) + "\u2207g" + std::to_string(i + 1));
    }
  }
  draw->PopClipRect();
}

}  // namespace lv::app
