// Fuzz target: the formula language end to end — parse (with parameters a and b), compile,
// value, gradient and Hessian at a point taken from the input, and the GLSL emitters. Any text
// must give an Expr or an InputError; nothing else (crash, hang, sanitizer report) is allowed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "common/errors.hpp"
#include "expr/expr.hpp"
#include "expr/glsl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The first 16 bytes (when present) are the point; the rest is the formula.
  double point[2] = {0.5, -0.25};
  if (size >= sizeof point) {
    std::memcpy(point, data, sizeof point);
    data += sizeof point;
    size -= sizeof point;
  }
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const lv::Expr expr = lv::Expr::parse(text, {{"a", 1.0, -2.0, 2.0}, {"b", 100.0, 1.0, 200.0}});
    lv::Vec x = lv::Vec::Zero(expr.dimension());
    x[0] = point[0];
    x[1] = point[1];
    lv::Vec gradient;
    lv::Mat hessian;
    (void)expr.value(x.data());
    if (expr.dimension() <= 64) (void)expr.value_gradient_hessian(x, gradient, hessian);
    if (expr.dimension() == 2) (void)lv::glsl_formula(expr);
  } catch (const lv::InputError&) {
  }
  return 0;
}
