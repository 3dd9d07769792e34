// lossviz: the interactive loss-landscape viewer (see docs/gui.md for controls and the headless
// screenshot/benchmark modes).
#include <cstdio>
#include <sstream>

#include "app.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"
#include "render/gl.hpp"
#include "render/gpu_probe.hpp"

namespace {

// --probe: evaluates the formula's generated GLSL on the GPU at the given points and writes one
// line per point: f df/dx df/dy hxx hxy hyy.
int run_probe(const lv::app::CommandLine& options) {
  std::vector<lv::FormulaParameter> parameters;
  for (const auto& [name, value] : options.probe_parameters)
    parameters.push_back({name, value, 0, 1});
  const lv::Expr expr = lv::Expr::parse(options.probe_formula, parameters);
  std::vector<std::pair<double, double>> points;
  for (const std::string& pair : lv::split(options.probe_points, ';')) {
    const std::vector<std::string> coordinates = lv::split(pair, ',');
    const auto x = coordinates.size() == 2 ? lv::parse_double(coordinates[0]) : std::nullopt;
    const auto y = coordinates.size() == 2 ? lv::parse_double(coordinates[1]) : std::nullopt;
    if (!x || !y) throw lv::InputError("--probe-points: expected x,y;x,y..., got '" + pair + "'");
    points.emplace_back(*x, *y);
  }
  if (!glfwInit()) throw lv::InputError("cannot initialize GLFW (no display? try xvfb-run)");
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "lossviz probe", nullptr, nullptr);
  if (!window) throw lv::InputError("cannot create an OpenGL 3.3 core context");
  glfwMakeContextCurrent(window);
  gladLoadGL(glfwGetProcAddress);
  std::ostringstream out;
  for (const auto& row : lv::app::probe_formula_on_gpu(expr, points)) {
    for (size_t i = 0; i < row.size(); ++i) out << (i ? " " : "") << lv::format_exact(row[i]);
    out << "\n";
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  lv::write_file_atomically(options.probe_out, out.str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const lv::app::CommandLine options = lv::app::parse_command_line(argc, argv);
    if (!options.probe_formula.empty()) return run_probe(options);
    return lv::app::App(options).run();
  } catch (const lv::InputError& error) {
    std::fprintf(stderr, "lossviz: %s\n%s", error.what(), lv::app::usage().c_str());
    return 2;
  }
}
