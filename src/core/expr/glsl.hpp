// GLSL code generation for a 2D formula (GLSL 3.30 core). The generated source defines
//   uniform float lv_param_<name>;                     one per formula parameter
//   float lv_f(vec2 p);                                 f(p)
//   vec3  lv_f_grad(vec2 p);                            (f, df/dx, df/dy)
//   LvJet lv_f_jet(vec2 p);                             value, gradient and Hessian (hxx, hxy, hyy)
// from the same compiled Program the CPU evaluates, so both sides agree by construction; the
// derivatives are forward-mode AD in the shader (dual numbers as vec3 / LvJet).
#pragma once

#include <string>

#include "expr/expr.hpp"

namespace lv {

// Helper functions the generated code calls (dual-number chain rules, safe pow, softplus).
// Emitted once per shader, before the formula code.
std::string glsl_preamble();

// The formula's code. Throws InputError if the formula has more than two variables.
std::string glsl_formula(const Expr& expr);

// A parameter-free formula as `float <name>(vec2 p)` (value only, no uniforms): for extra
// functions a shader evaluates beside f, such as constraints. Throws InputError as glsl_formula.
std::string glsl_value_function(const Expr& expr, const std::string& name);

// Uniform name of a formula parameter: "lv_param_" + name.
std::string glsl_parameter_uniform(const std::string& name);

}  // namespace lv
