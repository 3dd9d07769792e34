#include "constraints/constraint_glsl.hpp"

#include "expr/glsl.hpp"

namespace lv {

std::string glsl_constraints(const ConstraintSet& constraints) {
  if (constraints.empty()) return "";
  std::string code = "#ifdef LV_FRAGMENT_SHADER\n#define LV_CONSTRAINTS 1\n";
  const int count = constraints.size();
  for (int i = 0; i < count; ++i) {
    const Constraint& constraint = constraints.constraints()[static_cast<size_t>(i)];
    code += "// " + constraint.text + "\n";
    code += glsl_value_function(constraint.function, "lv_constraint_" + std::to_string(i));
  }
  code +=
      "vec2 lv_constraints(vec2 p, float width_px) {\n"
      "  float outside = 0.0, line = 0.0, g = 0.0, distance_px = 0.0;\n";
  for (int i = 0; i < count; ++i) {
    const bool inequality =
        constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Inequality;
    code += "  g = lv_constraint_" + std::to_string(i) + "(p);\n";
    if (inequality) code += "  if (g > 0.0) outside = 1.0;\n";
    code +=
        "  distance_px = abs(g) / max(fwidth(g), 1e-30);\n"
        "  line = max(line, 1.0 - smoothstep(0.5 * width_px - 0.5, 0.5 * width_px + 0.5, "
        "distance_px));\n";
  }
  code += "  return vec2(outside, line);\n}\n#endif\n";
  return code;
}

}  // namespace lv
