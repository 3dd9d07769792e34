// Draws a formula: the 2D per-pixel heatmap (heatmap.frag) and the 3D displaced mesh with its
// floor (surface.vert / surface.frag). Shaders are generated from the formula (lv::glsl_formula)
// and compiled in the background: the previous programs keep drawing until the new ones are
// linked, and a failed compile leaves them in place and reports the log.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "expr/expr.hpp"
#include "render/camera.hpp"
#include "render/shader.hpp"
#include "render/uniform_values.hpp"

namespace lv::app {

// Uniforms shared by the 2D and 3D pictures.
struct Shading {
  float value_min = 0.0f, value_max = 1.0f;  // range mapped onto the colormap
  bool log_scale = false;
  int contours = 16;
  float line_scale = 1.0f;
  bool color_by_curvature = false;
  float curvature_range = 1.0f;
  std::vector<std::pair<std::string, float>> parameters;  // formula parameter values
};

struct Viewport {
  int x = 0, y = 0, width = 1, height = 1;  // framebuffer pixels, origin bottom-left
};

struct SurfaceSettings {
  double domain_x_min = -1, domain_y_min = -1, domain_width = 2, domain_height = 2;
  float height_scale = 0.8f;
  float floor_height = -0.25f;
  int resolution = 64;  // grid cells per side
  bool surface_contours = true;
  bool floor_contours = true;
  std::array<float, 3> floor_color{0.2f, 0.2f, 0.22f};
};

// A grid of values to draw instead of a formula: values[j * nx + i] at (x_i, y_j), with x and y
// evenly spaced from the min to the max coordinate.
class HeatmapCache;

struct HeightField {
  int nx = 0, ny = 0;
  std::vector<float> values;
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
};

class FormulaRenderer {
 public:
  void initialize();
  void destroy();

  // Starts compiling the shaders for `expr` (returns at once). `extra` is GLSL appended after the
  // formula's code, e.g. lv::glsl_constraints for the feasible set.
  void set_formula(const Expr& expr, const std::string& extra = "");
  // Swaps in newly linked programs; call once per frame. True when the picture's program changed.
  bool poll();
  bool compiling() const { return pending_ != nullptr; }
  bool has_picture() const { return active_ != nullptr; }
  // The GLSL log of the last failed compile (empty after a success).
  const std::string& compile_error() const { return compile_error_; }

  void set_colormap(int index);

  // Heightfield mode: the same heatmap and surface shaders sample a texture of `field`
  // (shaders/heightfield.glsl) in place of a formula. The first call starts compiling them; later
  // calls only replace the texture. Curvature colors and arrows need a formula and are not drawn.
  void set_heightfield(const HeightField& field);

  // The heatmap into `viewport` of the bound framebuffer. With a `cache` it is evaluated only
  // when an input changed and copied 1:1 otherwise; `reduction` > 1 evaluates it with that many
  // times fewer pixels per side and scales it up (frames while the user drags).
  void draw_heatmap(const Shading& shading, const View2D& view, const Viewport& viewport,
                    bool arrows, HeatmapCache* cache = nullptr, int reduction = 1);
  void draw_surface(const Shading& shading, const SurfaceSettings& settings,
                    const OrbitCamera& camera, const Viewport& viewport);

 private:
  // Programs of one formula. Options that would cost every pixel (arrows, curvature colors) are
  // compile-time variants, built the first time they are asked for; until then variant 0 draws.
  struct Programs {
    std::string code;                      // preamble + formula
    std::array<ShaderProgram, 4> heatmap;  // index: arrows + 2 * curvature colors
    std::array<ShaderProgram, 2> surface;  // index: curvature colors
    bool ready() const { return heatmap[0].ready() && surface[0].ready(); }
  };
  struct Mesh {
    GLuint array = 0, vertices = 0, indices = 0;
    GLsizei index_count = 0;
  };

  UniformValues shading_uniforms(const Shading& shading) const;
  UniformValues heatmap_uniforms(const Shading& shading, const View2D& view,
                                 const Viewport& viewport) const;
  void bind_textures() const;
  void draw_fullscreen(ShaderProgram& program, const UniformValues& uniforms) const;
  ShaderProgram& heatmap_program(int variant);
  ShaderProgram& surface_program(int variant);
  const Mesh& mesh(int resolution);

  std::unique_ptr<Programs> active_, pending_;
  std::string compile_error_;
  GLuint empty_array_ = 0;
  GLuint colormap_texture_ = 0, diverging_texture_ = 0;
  std::map<int, Mesh> meshes_;
  GLuint heightfield_texture_ = 0;  // 0: formula mode
  HeightField heightfield_box_;     // the bounds of the uploaded field (values not kept)
  long inputs_version_ = 0;         // counts changes of programs and textures (cache keys)
};

}  // namespace lv::app
