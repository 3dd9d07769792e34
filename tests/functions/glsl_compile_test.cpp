// Every built-in's generated shader code must compile as GLSL 3.30 core: checked with the
// Khronos reference compiler glslangValidator (Debian package glslang-tools), no GPU needed.
#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdio>
#include <fstream>

#include "constraints/constraint_glsl.hpp"
#include "expr/glsl.hpp"
#include "functions/test_function.hpp"
#include "process.hpp"

namespace {

// A complete fragment shader that calls all three generated functions, so that each one is
// compiled (the compiler may skip type checks in unused functions otherwise).
std::string fragment_shader(const lv::Expr& expr) {
  return "#version 330 core\n"
         "out vec4 color;\n" +
         lv::glsl_preamble() + lv::glsl_formula(expr) +
         "void main() {\n"
         "  vec2 p = gl_FragCoord.xy * 0.01 - vec2(2.0);\n"
         "  float value = lv_f(p);\n"
         "  vec3 value_gradient = lv_f_grad(p);\n"
         "  LvJet jet = lv_f_jet(p);\n"
         "  color = vec4(value, value_gradient.yz, jet.v + jet.g.x + jet.h.x + jet.h.y + "
         "jet.h.z);\n"
         "}\n";
}

bool validator_installed() {
  return lv::test::run_process("command -v glslangValidator").exit_code == 0;
}

}  // namespace

TEST_CASE("the generated GLSL of every built-in compiles with glslangValidator") {
  REQUIRE_MESSAGE(validator_installed(),
                  "glslangValidator not found: install the Debian package glslang-tools "
                  "(scripts/install-deps.sh does)");
  for (const lv::TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    const std::string path =
        "/tmp/lossviz-glsl-" + std::to_string(::getpid()) + "-" + function.name + ".frag";
    std::ofstream(path) << fragment_shader(function.expr());
    const auto result = lv::test::run_process("glslangValidator " + path);
    CAPTURE(result.out);
    CAPTURE(result.err);
    CHECK(result.exit_code == 0);
    std::remove(path.c_str());
  }
}

TEST_CASE("the validator really rejects broken code (the check above can fail)") {
  REQUIRE(validator_installed());
  const std::string path = "/tmp/lossviz-glsl-" + std::to_string(::getpid()) + "-broken.frag";
  std::ofstream(path) << "#version 330 core\nout vec4 color;\nvoid main() { color = lv_f(1.0); }\n";
  CHECK(lv::test::run_process("glslangValidator " + path).exit_code != 0);
  std::remove(path.c_str());
}

TEST_CASE("the generated constraint GLSL compiles with glslangValidator") {
  REQUIRE(validator_installed());
  lv::ConstraintSet constraints;
  for (const char* text : {"x + y <= 1", "x^2 + y^2 >= 0.25", "abs(x) + abs(y) <= 2", "y = x^2"})
    constraints.add(text);
  const std::string path = "/tmp/lossviz-glsl-" + std::to_string(::getpid()) + "-constraints.frag";
  std::ofstream(path) << "#version 330 core\n#define LV_FRAGMENT_SHADER\nout vec4 color;\n" +
                             lv::glsl_preamble() + lv::glsl_constraints(constraints) +
                             "void main() {\n"
                             "  vec2 k = lv_constraints(gl_FragCoord.xy * 0.01, 2.0);\n"
                             "  color = vec4(k, 0.0, 1.0);\n"
                             "}\n";
  const auto result = lv::test::run_process("glslangValidator " + path);
  CAPTURE(result.out);
  CHECK(result.exit_code == 0);
  std::remove(path.c_str());
  CHECK(lv::glsl_constraints(lv::ConstraintSet{}).empty());  // no constraints: no code
}
