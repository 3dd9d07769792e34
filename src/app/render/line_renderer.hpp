// Polylines and round markers drawn as screen-space quads (line.vert / line.frag). A LineBatch is
// built on the CPU once (e.g. when trajectories are re-run) and drawn every frame; each vertex
// carries its step index, so playback draws a prefix with a fading tail without re-uploading.
#pragma once

#include <array>
#include <vector>

#include "render/camera.hpp"
#include "render/shader.hpp"

namespace lv::app {

using Color = std::array<float, 4>;

class LineBatch {
 public:
  void clear() { vertices_.clear(); }
  bool empty() const { return vertices_.empty(); }
  // A segment a → b, `width` pixels wide (before DPI scaling), tagged with `step`.
  void add_segment(const Vector3& a, const Vector3& b, const Color& color, float width, float step);
  void add_marker(const Vector3& center, const Color& color, float diameter, float step);
  // A ring (a marker with a hole, white-rimmed) of outer diameter `diameter` pixels.
  void add_ring(const Vector3& center, const Color& color, float diameter, float step);
  void add_polyline(const std::vector<Vector3>& points, const Color& color, float width);

  struct Vertex {
    float end_a[3], end_b[3], corner[3], color[4], width_and_step[2];
  };
  const std::vector<Vertex>& vertices() const { return vertices_; }

 private:
  std::vector<Vertex> vertices_;
};

struct LineStyle {
  Matrix4 transform = Matrix4::Identity();
  float viewport_width = 1.0f, viewport_height = 1.0f;
  float line_scale = 1.0f;
  float current_step = -1.0f;  // negative: draw everything
  float tail_steps = 0.0f;
  float depth_bias = 0.0f;
};

class LineRenderer {
 public:
  void initialize();
  void destroy();
  // Uploads the batch into the renderer's buffer slot `slot` (0: static, 1: per frame).
  void upload(int slot, const LineBatch& batch);
  void draw(int slot, const LineStyle& style);

 private:
  ShaderProgram program_;
  std::array<GLuint, 2> arrays_{}, buffers_{};
  std::array<GLsizei, 2> counts_{};
};

}  // namespace lv::app
