// The constraints drawn by the shaders: GLSL that marks, per fragment, where an inequality is
// violated and how close the pixel is to a constraint's boundary g = 0 (or to the curve h = 0),
// from the same compiled programs the CPU evaluates (lv::glsl_value_function).
#pragma once

#include <string>

#include "constraints/constraint_set.hpp"

namespace lv {

// Empty for no constraints. Otherwise code that defines LV_CONSTRAINTS and, in fragment shaders
// (LV_FRAGMENT_SHADER), `vec2 lv_constraints(vec2 p, float width_px)`: x = 1 where any
// inequality g_i(p) <= 0 is violated (0 where all hold), y = the coverage (0..1) of the nearest
// boundary line of width `width_px` pixels, measured as |g| / fwidth(g) so it stays one width at
// any zoom and on the 3D surface.
std::string glsl_constraints(const ConstraintSet& constraints);

}  // namespace lv
