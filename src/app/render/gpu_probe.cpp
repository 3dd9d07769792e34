#include "render/gpu_probe.hpp"

#include "common/errors.hpp"
#include "expr/glsl.hpp"
#include "render/shader.hpp"

namespace lv::app {

std::vector<std::array<double, 6>> probe_formula_on_gpu(
    const Expr& expr, const std::vector<std::pair<double, double>>& points) {
  if (points.empty() || points.size() > 64) throw InputError("probe: give 1 to 64 points");
  const int width = static_cast<int>(points.size());
  ShaderProgram program = ShaderProgram::start(
      load_shader_source("fullscreen.vert"),
      expand_shader_source(load_shader_source("probe.frag"), glsl_preamble() + glsl_formula(expr)));
  while (!program.ready()) {
  }
  if (const std::string error = program.error(); !error.empty()) {
    throw InputError("probe shader: " + error);
  }
  GLuint texture = 0, framebuffer = 0, empty_array = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, width, 2, 0, GL_RGBA, GL_FLOAT, nullptr);
  glGenFramebuffers(1, &framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
  glGenVertexArrays(1, &empty_array);

  program.use();
  std::vector<float> coordinates;
  for (const auto& [x, y] : points) {
    coordinates.push_back(static_cast<float>(x));
    coordinates.push_back(static_cast<float>(y));
  }
  glUniform2fv(program.location("u_points"), width, coordinates.data());
  for (size_t i = 0; i < expr.parameters().size(); ++i) {
    program.set(glsl_parameter_uniform(expr.parameters()[i].name),
                static_cast<float>(expr.parameter_values()[i]));
  }
  glViewport(0, 0, width, 2);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glBindVertexArray(empty_array);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  std::vector<float> pixels(static_cast<size_t>(width) * 2 * 4);
  glReadPixels(0, 0, width, 2, GL_RGBA, GL_FLOAT, pixels.data());

  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteVertexArrays(1, &empty_array);
  glDeleteFramebuffers(1, &framebuffer);
  glDeleteTextures(1, &texture);

  std::vector<std::array<double, 6>> results;
  for (int i = 0; i < width; ++i) {
    const float* value = &pixels[static_cast<size_t>(i) * 4];
    const float* hessian = &pixels[static_cast<size_t>(width + i) * 4];
    results.push_back({value[0], value[1], value[2], hessian[0], hessian[1], hessian[2]});
  }
  return results;
}

}  // namespace lv::app
