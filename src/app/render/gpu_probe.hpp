// Evaluates a formula's generated GLSL on the GPU at given points (probe.frag rendered into a
// float framebuffer), so tests can compare the shader's lv_f, lv_f_grad and lv_f_jet with the CPU
// lv::Expr end to end.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "expr/expr.hpp"

namespace lv::app {

// Per point: f, df/dx, df/dy, hxx, hxy, hyy. At most 64 points. Needs a current GL context.
// Throws InputError if the shader does not compile.
std::vector<std::array<double, 6>> probe_formula_on_gpu(
    const Expr& expr, const std::vector<std::pair<double, double>>& points);

}  // namespace lv::app
