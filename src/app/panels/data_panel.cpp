// Data panel: for a two-parameter model on data, the samples and each visible optimizer's fit at
// the playback step (the line, the tanh curve, or the logistic decision boundary), and the
// mini-batch readout (batch size, epoch, gradient noise scale). docs/two_param_models.md.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "curvature_view.hpp"
#include "data_view.hpp"
#include "panels/panels.hpp"

namespace lv::app {

namespace {

struct Frame {
  ImVec2 origin, size;
  double x_min, x_max, y_min, y_max;
  ImVec2 at(double x, double y) const {
    return {origin.x + static_cast<float>((x - x_min) / (x_max - x_min)) * size.x,
            origin.y + static_cast<float>((y_max - y) / (y_max - y_min)) * size.y};
  }
};

Frame data_frame(const ModelData& data, ImVec2 origin, ImVec2 size, bool two_inputs) {
  const double x_lo = data.inputs.col(0).minCoeff(), x_hi = data.inputs.col(0).maxCoeff();
  const Vec ys = two_inputs ? Vec(data.inputs.col(1)) : data.targets;
  const double y_lo = ys.minCoeff(), y_hi = ys.maxCoeff();
  const double x_pad = 0.08 * std::max(x_hi - x_lo, 1e-9),
               y_pad = 0.12 * std::max(y_hi - y_lo, 1e-9);
  return {origin, size, x_lo - x_pad, x_hi + x_pad, y_lo - y_pad, y_hi + y_pad};
}

ImU32 slot_color(const AppState& state, size_t slot) {
  const auto c = readable_color(state, state.optimizers[slot].color);
  return ImGui::GetColorU32(ImVec4(c[0], c[1], c[2], 1.0f));
}

// The fit of the parameters `w` across the frame: a polyline, clipped to the frame.
void draw_fit(ImDrawList* draw, const Frame& frame, const TwoParamModel& model, const Vec& w,
              ImU32 color) {
  draw->PushClipRect(frame.origin,
                     ImVec2(frame.origin.x + frame.size.x, frame.origin.y + frame.size.y), true);
  if (model.info().kind == TwoParamKind::LogisticRegression) {
    // The decision boundary w1·x1 + w2·x2 = 0: the line through the origin along (−w2, w1).
    const double length = 4.0 * std::max({std::abs(frame.x_max), std::abs(frame.x_min),
                                          std::abs(frame.y_max), std::abs(frame.y_min)});
    const double norm = std::max(w.norm(), 1e-12);
    const double dx = -w[1] / norm * length, dy = w[0] / norm * length;
    draw->AddLine(frame.at(-dx, -dy), frame.at(dx, dy), color, 2.5f);
  } else {
    constexpr int segments = 64;
    ImVec2 points[segments + 1];
    for (int k = 0; k <= segments; ++k) {
      const double x = frame.x_min + (frame.x_max - frame.x_min) * k / segments;
      points[k] = frame.at(x, model.predict(w, x));
    }
    draw->AddPolyline(points, segments + 1, color, ImDrawFlags_None, 2.5f);
  }
  draw->PopClipRect();
}

}  // namespace

void draw_data_panel(AppState& state) {
  const TwoParamModel* model = state.function.model.get();
  if (!model) return;
  if (!ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) return;
  const bool two_inputs = model->info().kind == TwoParamKind::LogisticRegression;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size(width, width * 0.62f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##data view", size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Frame frame = data_frame(model->data(), origin, size, two_inputs);
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                      ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ModelData& data = model->data();
  const ImU32 point_color = ImGui::GetColorU32(ImGuiCol_Text, 0.7f);
  const ImU32 class_colors[2] = {ImGui::GetColorU32(ImVec4(0.35f, 0.6f, 1.0f, 0.9f)),
                                 ImGui::GetColorU32(ImVec4(1.0f, 0.55f, 0.2f, 0.9f))};
  for (int i = 0; i < data.size(); ++i) {
    const ImVec2 p = two_inputs ? frame.at(data.inputs(i, 0), data.inputs(i, 1))
                                : frame.at(data.inputs(i, 0), data.targets[i]);
    draw->AddCircleFilled(p, 2.5f, two_inputs ? class_colors[data.targets[i] > 0.5] : point_color);
  }
  for (size_t slot = 0; slot < state.optimizers.size() && slot < state.run.trajectories.size();
       ++slot) {
    const Trajectory& trajectory = state.run.trajectories[slot];
    if (!state.optimizers[slot].visible || trajectory.empty()) continue;
    const Vec w = trajectory.x(playback_row(trajectory, state.playback.step));
    draw_fit(draw, frame, *model, w, slot_color(state, slot));
  }
  ImGui::TextDisabled(two_inputs ? "horizontal x1, vertical x2; lines: decision boundaries, P = 0.5"
                                 : "horizontal x, vertical y; each optimizer's current fit");
  ImGui::TextWrapped("%s", minibatch_text(state, state.view.view2d.units_per_pixel).c_str());
}

}  // namespace lv::app
