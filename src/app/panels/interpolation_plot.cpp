// The interpolation plot: loss and accuracy against α, one curve per data set, drawn with the
// shared line plot (axes, ticks, legend, hover readout) and the line's ends A and B marked.
#include "panels/interpolation_plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "panels/line_plot.hpp"

namespace lv::app {
namespace {

// Okabe–Ito colors, as the Network panel's scatter plot uses them.
const ImU32 k_bezier_color = IM_COL32(0, 158, 115, 255);

bool any_finite(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

void draw_interpolation_plot(const InterpolationCurve& curve, bool log_loss) {
  if (curve.alpha.size() < 2) return;
  std::vector<Series> losses = {{&curve.alpha, &curve.train_loss, k_train_color, "train"}};
  std::vector<Series> accuracies = {{&curve.alpha, &curve.train_accuracy, k_train_color, "train"}};
  if (!curve.validation_loss.empty()) {
    losses.push_back({&curve.alpha, &curve.validation_loss, k_validation_color, "validation"});
    accuracies.push_back(
        {&curve.alpha, &curve.validation_accuracy, k_validation_color, "validation"});
  }
  if (!curve.bezier_loss.empty()) {  // t ∈ [0, 1] joins the same ends as α ∈ [0, 1]
    losses.push_back({&curve.bezier_t, &curve.bezier_loss, k_bezier_color, "Bezier"});
    accuracies.push_back({&curve.bezier_t, &curve.bezier_accuracy, k_bezier_color, "Bezier"});
  }
  draw_legend(losses);
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 9.0f);
  LinePlotOptions options;
  options.x_min = curve.alpha.front();
  options.x_max = curve.alpha.back();
  options.x_name = "alpha";
  options.x_markers = {{0.0, "A"}, {1.0, "B"}};  // θ_A at α = 0, θ_B at α = 1
  options.log_y = log_loss;
  draw_line_plot("loss", losses, options, size);
  options.log_y = false;
  if (any_finite(curve.train_accuracy)) draw_line_plot("accuracy", accuracies, options, size);
}

}  // namespace lv::app
