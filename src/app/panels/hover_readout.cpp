// Hover readout: f, gradient and Hessian eigenvalues (λ1 ≤ λ2), κ and the largest stable GD
// learning rate 2/λmax at the point under the cursor (the eigenvector arrows are drawn on the
// picture by the frame loop).
#include <imgui.h>

#include "curvature/hessian_eigen.hpp"
#include "curvature_view.hpp"
#include "panels/panels.hpp"

namespace lv::app {

void draw_hover_readout(AppState& state) {
  if (!state.ui.hover.active) return;
  Vec point(2), gradient(2);
  point << state.ui.hover.x, state.ui.hover.y;
  Mat hessian(2, 2);
  const double value = state.function.expr.value_gradient_hessian(point, gradient, hessian);
  ImGui::BeginTooltip();
  ImGui::Text("x = %.5g, y = %.5g", point[0], point[1]);
  ImGui::Text("f = %.6g", value);
  ImGui::Text("grad f = (%.4g, %.4g), |grad f| = %.4g", gradient[0], gradient[1], gradient.norm());
  if (hessian.allFinite()) {
    const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
    ImGui::Text("%s", curvature_text(eigen.lambda_min, eigen.lambda_max).c_str());
    const char* kind = eigen.lambda_min > 0   ? "convex here (minimum-like)"
                       : eigen.lambda_max < 0 ? "concave here (maximum-like)"
                                              : "saddle-shaped here";
    ImGui::TextDisabled("%s; 2/λmax: the largest stable GD lr here", kind);
  }
  ImGui::EndTooltip();
}

}  // namespace lv::app
