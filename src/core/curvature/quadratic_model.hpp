// Level sets of the local quadratic model m(d) = f + gᵀd + ½dᵀHd of a 2D surface around a point:
// the curves the app overlays at each optimizer's point. In the Hessian's eigenbasis (u = Qᵀd,
// γ = Qᵀg) the set m = f + c is Σ ½λᵢ(uᵢ + γᵢ/λᵢ)² = c + Σ γᵢ²/(2λᵢ): an ellipse around the Newton
// point −H⁻¹g when H is definite, two hyperbola branches (or their asymptotes) when it is
// indefinite, a parabola or lines where an eigenvalue is 0. GL-free.
#pragma once

#include <vector>

#include "common/types.hpp"

namespace lv {

using Polyline2 = std::vector<Vec>;  // points d (offsets from the model's point), each of size 2

// The curves {d : gᵀd + ½dᵀHd = level} inside the disc |d| ≤ radius, as polylines (pieces that
// leave the disc are cut there). `samples` points per closed curve or branch. Empty when the
// level set is empty or a single point.
std::vector<Polyline2> quadratic_model_level_set(const Vec& gradient, const Mat& hessian,
                                                 double level, double radius, int samples = 160);

// The level worth drawing: 0 (m = f, the set through the point itself) unless H is definite and
// that ellipse's larger semi-axis is shorter than `min_size` (near a minimum, where g → 0 shrinks
// it to the point); then the level whose ellipse has a larger semi-axis of exactly `min_size`.
double quadratic_model_display_level(const Vec& gradient, const Mat& hessian, double min_size);

}  // namespace lv
