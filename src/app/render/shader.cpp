#include "render/shader.hpp"

#include "common/errors.hpp"
#include "files/atomic_file.hpp"
#include "render/resources.hpp"

namespace lv::app {
namespace {

constexpr const char* k_formula_marker = "// @lossviz:formula";
constexpr const char* k_common_marker = "// @lossviz:common";

void replace_marker(std::string& source, const std::string& marker, const std::string& code) {
  const size_t at = source.find(marker);
  if (at != std::string::npos) source.replace(at, marker.size(), code);
}

GLuint compile(GLenum stage, const std::string& source) {
  const GLuint shader = glCreateShader(stage);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  return shader;
}

std::string shader_log(GLuint shader) {
  GLint status = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &status);
  if (status == GL_TRUE) return {};
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  return log;
}

}  // namespace

std::string load_shader_source(const std::string& file_name) {
  return read_file(resource_directory("shaders") + "/" + file_name);
}

std::string expand_shader_source(const std::string& source, const std::string& formula_code,
                                 const std::string& defines) {
  std::string expanded = source;
  const size_t version_end = expanded.find('\n');
  if (!defines.empty() && version_end != std::string::npos) {
    expanded.insert(version_end + 1, defines);
  }
  replace_marker(expanded, k_formula_marker, formula_code);
  if (expanded.find(k_common_marker) != std::string::npos) {
    replace_marker(expanded, k_common_marker, load_shader_source("common.glsl"));
  }
  return expanded;
}

ShaderProgram::~ShaderProgram() {
  release();
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept {
  *this = std::move(other);
}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this == &other) return *this;
  release();
  program_ = other.program_;
  vertex_ = other.vertex_;
  fragment_ = other.fragment_;
  locations_ = std::move(other.locations_);
  other.program_ = other.vertex_ = other.fragment_ = 0;
  return *this;
}

void ShaderProgram::release() {
  if (vertex_ != 0) glDeleteShader(vertex_);
  if (fragment_ != 0) glDeleteShader(fragment_);
  if (program_ != 0) glDeleteProgram(program_);
  program_ = vertex_ = fragment_ = 0;
  locations_.clear();
}

ShaderProgram ShaderProgram::start(const std::string& vertex_source,
                                   const std::string& fragment_source) {
  ShaderProgram result;
  result.vertex_ = compile(GL_VERTEX_SHADER, vertex_source);
  result.fragment_ = compile(GL_FRAGMENT_SHADER, fragment_source);
  result.program_ = glCreateProgram();
  glAttachShader(result.program_, result.vertex_);
  glAttachShader(result.program_, result.fragment_);
  glLinkProgram(result.program_);
  return result;
}

bool ShaderProgram::ready() const {
  if (program_ == 0 || !GLAD_GL_KHR_parallel_shader_compile) return true;
  GLint done = GL_TRUE;
  glGetProgramiv(program_, GL_COMPLETION_STATUS_KHR, &done);
  return done == GL_TRUE;
}

std::string ShaderProgram::error() const {
  if (program_ == 0) return "no program";
  GLint status = GL_FALSE;
  glGetProgramiv(program_, GL_LINK_STATUS, &status);
  if (status == GL_TRUE) return {};
  std::string log = shader_log(vertex_) + shader_log(fragment_);
  GLint length = 0;
  glGetProgramiv(program_, GL_INFO_LOG_LENGTH, &length);
  if (length > 1) {
    std::string link_log(static_cast<size_t>(length), '\0');
    glGetProgramInfoLog(program_, length, nullptr, link_log.data());
    log += link_log;
  }
  return log.empty() ? "shader failed to link" : log;
}

GLint ShaderProgram::location(const std::string& name) {
  const auto found = locations_.find(name);
  if (found != locations_.end()) return found->second;
  const GLint location = glGetUniformLocation(program_, name.c_str());
  locations_.emplace(name, location);
  return location;
}

}  // namespace lv::app
