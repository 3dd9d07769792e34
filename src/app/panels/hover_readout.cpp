// Hover readout: f, gradient and Hessian eigenvalues at the point under the cursor (the
// eigenvector arrows are drawn on the picture by the frame loop).
#include <imgui.h>

#include <Eigen/Eigenvalues>

#include "panels/panels.hpp"

namespace lv::app {

void draw_hover_readout(AppState& state) {
  if (!state.ui.hover.active) return;
  Vec point(2), gradient(2);
  point << state.ui.hover.x, state.ui.hover.y;
  Mat hessian(2, 2);
  const double value = state.function.expr.value_gradient_hessian(point, gradient, hessian);
  const Eigen::SelfAdjointEigenSolver<Mat> solver(hessian);
  ImGui::BeginTooltip();
  ImGui::Text("x = %.5g, y = %.5g", point[0], point[1]);
  ImGui::Text("f = %.6g", value);
  ImGui::Text("grad f = (%.4g, %.4g), |grad f| = %.4g", gradient[0], gradient[1], gradient.norm());
  if (solver.info() == Eigen::Success) {
    const auto& eigenvalues = solver.eigenvalues();
    ImGui::Text("Hessian eigenvalues: %.4g, %.4g", eigenvalues[0], eigenvalues[1]);
    const char* kind = eigenvalues[0] > 0   ? "convex here (minimum-like)"
                       : eigenvalues[1] < 0 ? "concave here (maximum-like)"
                                            : "saddle-shaped here";
    ImGui::TextDisabled("%s; condition number %.3g", kind,
                        std::abs(eigenvalues[1]) / std::max(std::abs(eigenvalues[0]), 1e-300));
  }
  ImGui::EndTooltip();
}

}  // namespace lv::app
