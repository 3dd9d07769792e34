// GLSL programs: loading sources from shaders/ (the markers "// @lossviz:formula" and
// "// @lossviz:common" are replaced by the generated formula code and shaders/common.glsl),
// compiling and linking without blocking where the driver compiles in parallel
// (GL_KHR_parallel_shader_compile), and uniform lookup by name.
#pragma once

#include <string>
#include <unordered_map>

#include "render/gl.hpp"

namespace lv::app {

// Reads shaders/<file_name>; throws InputError if missing.
std::string load_shader_source(const std::string& file_name);

// Replaces the markers in `source` by `formula_code` (preamble + formula) and common.glsl, and
// adds `defines` (lines "#define NAME") after the #version line.
std::string expand_shader_source(const std::string& source, const std::string& formula_code,
                                 const std::string& defines = {});

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;

  // Starts compiling and linking; the result is known once ready() says so.
  static ShaderProgram start(const std::string& vertex_source, const std::string& fragment_source);

  // True once the driver has finished (always true without parallel compilation).
  bool ready() const;
  // After ready(): empty when linked, else the compiler's log.
  std::string error() const;
  bool valid() const { return program_ != 0; }

  void use() const { glUseProgram(program_); }
  GLint location(const std::string& name);
  void set(const std::string& name, float value) { glUniform1f(location(name), value); }
  void set(const std::string& name, int value) { glUniform1i(location(name), value); }
  void set(const std::string& name, float x, float y) { glUniform2f(location(name), x, y); }
  void set(const std::string& name, float x, float y, float z) {
    glUniform3f(location(name), x, y, z);
  }
  void set_matrix(const std::string& name, const float* column_major) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, column_major);
  }

 private:
  void release();

  GLuint program_ = 0, vertex_ = 0, fragment_ = 0;
  std::unordered_map<std::string, GLint> locations_;
};

}  // namespace lv::app
