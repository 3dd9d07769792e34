// A `regularized` run's geometry over the 2D view: the penalty's level set through the
// regularized minimizer (L1 diamond, L2 circle, elastic net), the regularization path as λ
// grows from 0 (dashed), the unregularized minimizer (hollow ring) and the regularized one
// (filled diamond) — where the lasso's exact zeros are seen as a corner solution on an axis.
#include <imgui.h>

#include <cmath>
#include <vector>

#include "panels/panels.hpp"
#include "panels/plot_axes.hpp"
#include "regularization_view.hpp"
#include "view_axes.hpp"

namespace lv::app {

void draw_regularization_overlay(const AppState& state, const Rect& plot, float pixels_per_point) {
  if (state.view.three_d) return;
  const PlotMapping mapping(state.view.view2d, plot, pixels_per_point);
  const auto screen = [&](const Vec& p) {
    return ImVec2(mapping.screen_x(p[0]), mapping.screen_y(p[1]));
  };
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->PushClipRect(ImVec2(plot.x, plot.y), ImVec2(plot.x + plot.width, plot.y + plot.height),
                     true);
  const ImU32 shadow = IM_COL32(0, 0, 0, 170), white = IM_COL32(255, 255, 255, 240);
  bool labelled = false;
  for (size_t slot = 0; slot < state.run.regularization.size(); ++slot) {
    const std::optional<RegularizationView>& regularization = state.run.regularization[slot];
    if (!regularization || slot >= state.optimizers.size() || !state.optimizers[slot].visible) {
      continue;
    }
    const auto& rgb = state.optimizers[slot].color;
    const ImU32 color = ImGui::ColorConvertFloat4ToU32(ImVec4(rgb[0], rgb[1], rgb[2], 1.0f));
    // The penalty's level set through the solution: the loss's contour touches it there.
    std::vector<ImVec2> level;
    for (const Vec& p : penalty_level_set(regularization->weights, regularization->penalty_level)) {
      level.push_back(screen(p));
    }
    if (level.size() > 2) {
      draw->AddPolyline(level.data(), static_cast<int>(level.size()), shadow, ImDrawFlags_Closed,
                        4.0f);
      draw->AddPolyline(level.data(), static_cast<int>(level.size()), color, ImDrawFlags_Closed,
                        2.0f);
    }
    // The regularization path, dashed, from the unregularized minimizer toward 0.
    std::vector<ImVec2> path;
    for (const Vec& p : regularization->path) path.push_back(screen(p));
    draw_dashed_polyline(draw, path, shadow, 4.5f, 7.0f, 4.0f);
    draw_dashed_polyline(draw, path, color, 2.5f, 7.0f, 4.0f);
    const ImVec2 free = screen(regularization->unregularized);
    draw->AddCircle(free, 7.0f, shadow, 20, 4.5f);
    draw->AddCircle(free, 7.0f, white, 20, 2.0f);
    const ImVec2 solution = screen(regularization->regularized);
    const float r = 8.0f;
    const ImVec2 diamond[4] = {
        ImVec2(solution.x, solution.y - r), ImVec2(solution.x + r, solution.y),
        ImVec2(solution.x, solution.y + r), ImVec2(solution.x - r, solution.y)};
    draw->AddConvexPolyFilled(diamond, 4, color);
    draw->AddPolyline(diamond, 4, white, ImDrawFlags_Closed, 2.0f);
    if (!labelled) {  // runs from one start share the unregularized minimizer: one label
      draw->AddText(ImVec2(free.x + 10.0f, free.y - ImGui::GetFontSize() - 1.0f), shadow, "min f");
      draw->AddText(ImVec2(free.x + 9.0f, free.y - ImGui::GetFontSize() - 2.0f), white, "min f");
      labelled = true;
    }
  }
  draw->PopClipRect();
}

}  // namespace lv::app
