#include "render/line_renderer.hpp"

#include <cstddef>

namespace lv::app {
namespace {

void copy3(float* out, const Vector3& v) {
  out[0] = v.x();
  out[1] = v.y();
  out[2] = v.z();
}

}  // namespace

void LineBatch::add_segment(const Vector3& a, const Vector3& b, const Color& color, float width,
                            float step) {
  // Two triangles over the corners (along, side): (0,-1) (1,-1) (1,1) / (0,-1) (1,1) (0,1).
  static constexpr float corners[6][2] = {{0, -1}, {1, -1}, {1, 1}, {0, -1}, {1, 1}, {0, 1}};
  for (const auto& corner : corners) {
    Vertex vertex{};
    copy3(vertex.end_a, a);
    copy3(vertex.end_b, b);
    vertex.corner[0] = corner[0];
    vertex.corner[1] = corner[1];
    vertex.corner[2] = 0.0f;
    for (int i = 0; i < 4; ++i) vertex.color[i] = color[i];
    vertex.width_and_step[0] = width;
    vertex.width_and_step[1] = step;
    vertices_.push_back(vertex);
  }
}

void LineBatch::add_marker(const Vector3& center, const Color& color, float diameter, float step) {
  const size_t first = vertices_.size();
  add_segment(center, center, color, diameter, step);
  for (size_t i = first; i < vertices_.size(); ++i) vertices_[i].corner[2] = 1.0f;
}

void LineBatch::add_ring(const Vector3& center, const Color& color, float diameter, float step) {
  const size_t first = vertices_.size();
  add_segment(center, center, color, diameter, step);
  for (size_t i = first; i < vertices_.size(); ++i) vertices_[i].corner[2] = 2.0f;
}

void LineBatch::add_polyline(const std::vector<Vector3>& points, const Color& color, float width) {
  for (size_t i = 1; i < points.size(); ++i) {
    add_segment(points[i - 1], points[i], color, width, static_cast<float>(i));
  }
}

void LineRenderer::initialize() {
  program_ = ShaderProgram::start(load_shader_source("line.vert"), load_shader_source("line.frag"));
  glGenVertexArrays(2, arrays_.data());
  glGenBuffers(2, buffers_.data());
  for (int slot = 0; slot < 2; ++slot) {
    glBindVertexArray(arrays_[slot]);
    glBindBuffer(GL_ARRAY_BUFFER, buffers_[slot]);
    const GLsizei stride = sizeof(LineBatch::Vertex);
    const auto attribute = [&](GLuint index, GLint size, size_t offset) {
      glEnableVertexAttribArray(index);
      glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride,
                            reinterpret_cast<const void*>(offset));
    };
    attribute(0, 3, offsetof(LineBatch::Vertex, end_a));
    attribute(1, 3, offsetof(LineBatch::Vertex, end_b));
    attribute(2, 3, offsetof(LineBatch::Vertex, corner));
    attribute(3, 4, offsetof(LineBatch::Vertex, color));
    attribute(4, 2, offsetof(LineBatch::Vertex, width_and_step));
  }
  glBindVertexArray(0);
}

void LineRenderer::destroy() {
  glDeleteBuffers(2, buffers_.data());
  glDeleteVertexArrays(2, arrays_.data());
  program_ = ShaderProgram();
}

void LineRenderer::upload(int slot, const LineBatch& batch) {
  glBindBuffer(GL_ARRAY_BUFFER, buffers_[slot]);
  glBufferData(GL_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(batch.vertices().size() * sizeof(LineBatch::Vertex)),
               batch.vertices().data(), GL_DYNAMIC_DRAW);
  counts_[slot] = static_cast<GLsizei>(batch.vertices().size());
}

void LineRenderer::draw(int slot, const LineStyle& style) {
  if (counts_[slot] == 0) return;
  program_.use();
  program_.set_matrix("u_transform", style.transform.data());
  program_.set("u_viewport_size", style.viewport_width, style.viewport_height);
  program_.set("u_line_scale", style.line_scale);
  program_.set("u_current_step", style.current_step);
  program_.set("u_tail_steps", style.tail_steps);
  program_.set("u_depth_bias", style.depth_bias);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glBindVertexArray(arrays_[slot]);
  glDrawArrays(GL_TRIANGLES, 0, counts_[slot]);
  glBindVertexArray(0);
}

}  // namespace lv::app
