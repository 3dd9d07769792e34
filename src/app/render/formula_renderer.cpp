#include "render/formula_renderer.hpp"

#include "expr/glsl.hpp"
#include "plot/colormap.hpp"
#include "render/heatmap_cache.hpp"

namespace lv::app {
namespace {

// The core's lookup table (plot/colormap) as the 256 × 1 RGB texture lv_colormap samples with
// linear filtering (shaders/common.glsl): the window's colors are the exported figures' colors.
GLuint make_table_texture(const Colormap& colormap) {
  const std::vector<uint8_t> table = colormap_table(colormap);
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, static_cast<GLsizei>(table.size() / 3), 1, 0, GL_RGB,
               GL_UNSIGNED_BYTE, table.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

void set_viewport(const Viewport& viewport) {
  glViewport(viewport.x, viewport.y, viewport.width, viewport.height);
}

std::string variant_defines(bool arrows, bool curvature) {
  return std::string(arrows ? "#define LV_ARROWS\n" : "") +
         (curvature ? "#define LV_CURVATURE_COLORS\n" : "");
}

ShaderProgram start_heatmap(const std::string& code, bool arrows, bool curvature) {
  return ShaderProgram::start(load_shader_source("fullscreen.vert"),
                              expand_shader_source(load_shader_source("heatmap.frag"), code,
                                                   variant_defines(arrows, curvature)));
}

ShaderProgram start_surface(const std::string& code, bool curvature) {
  const std::string defines = variant_defines(false, curvature);
  return ShaderProgram::start(
      expand_shader_source(load_shader_source("surface.vert"), code, defines),
      expand_shader_source(load_shader_source("surface.frag"), code, defines));
}

// The wanted variant once it is linked; variant 0 while it compiles or if it failed.
ShaderProgram& usable(ShaderProgram& wanted, ShaderProgram& fallback) {
  return wanted.ready() && wanted.error().empty() ? wanted : fallback;
}

}  // namespace

void FormulaRenderer::initialize() {
  glGenVertexArrays(1, &empty_array_);
  colormap_texture_ = make_table_texture(colormaps()[0]);
  diverging_texture_ = make_table_texture(find_colormap("coolwarm"));
}

void FormulaRenderer::destroy() {
  active_.reset();
  pending_.reset();
  for (auto& [resolution, mesh] : meshes_) {
    glDeleteBuffers(1, &mesh.vertices);
    glDeleteBuffers(1, &mesh.indices);
    glDeleteVertexArrays(1, &mesh.array);
  }
  meshes_.clear();
  glDeleteTextures(1, &colormap_texture_);
  glDeleteTextures(1, &diverging_texture_);
  if (heightfield_texture_) glDeleteTextures(1, &heightfield_texture_);
  glDeleteVertexArrays(1, &empty_array_);
}

void FormulaRenderer::set_formula(const Expr& expr, const std::string& extra) {
  auto programs = std::make_unique<Programs>();
  programs->code = glsl_preamble() + glsl_formula(expr) + extra;
  programs->heatmap[0] = start_heatmap(programs->code, false, false);
  programs->surface[0] = start_surface(programs->code, false);
  pending_ = std::move(programs);
}

void FormulaRenderer::set_heightfield(const HeightField& field) {
  if (!heightfield_texture_) {
    glGenTextures(1, &heightfield_texture_);
    auto programs = std::make_unique<Programs>();
    programs->code = load_shader_source("heightfield.glsl");
    programs->heatmap[0] = start_heatmap(programs->code, false, false);
    programs->surface[0] = start_surface(programs->code, false);
    pending_ = std::move(programs);
  }
  glBindTexture(GL_TEXTURE_2D, heightfield_texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, field.nx, field.ny, 0, GL_RED, GL_FLOAT,
               field.values.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  heightfield_box_ = {field.nx, field.ny, {}, field.x_min, field.x_max, field.y_min, field.y_max};
  ++inputs_version_;
}

bool FormulaRenderer::poll() {
  if (!pending_ || !pending_->ready()) return false;
  std::string error = pending_->heatmap[0].error();
  if (error.empty()) error = pending_->surface[0].error();
  if (!error.empty()) {
    compile_error_ = error;
    pending_.reset();
    return false;
  }
  compile_error_.clear();
  active_ = std::move(pending_);
  ++inputs_version_;
  return true;
}

void FormulaRenderer::set_colormap(int index) {
  glDeleteTextures(1, &colormap_texture_);
  colormap_texture_ = make_table_texture(colormaps()[static_cast<size_t>(index)]);
  ++inputs_version_;
}

ShaderProgram& FormulaRenderer::heatmap_program(int variant) {
  ShaderProgram& wanted = active_->heatmap[static_cast<size_t>(variant)];
  if (!wanted.valid()) wanted = start_heatmap(active_->code, variant & 1, variant & 2);
  return usable(wanted, active_->heatmap[0]);
}

ShaderProgram& FormulaRenderer::surface_program(int variant) {
  ShaderProgram& wanted = active_->surface[static_cast<size_t>(variant)];
  if (!wanted.valid()) wanted = start_surface(active_->code, variant != 0);
  return usable(wanted, active_->surface[0]);
}

void FormulaRenderer::bind_textures() const {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, colormap_texture_);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, diverging_texture_);
  if (heightfield_texture_) {
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, heightfield_texture_);
  }
  glActiveTexture(GL_TEXTURE0);
}

UniformValues FormulaRenderer::shading_uniforms(const Shading& shading) const {
  UniformValues uniforms;
  if (heightfield_texture_) {
    const HeightField& box = heightfield_box_;
    uniforms.set("u_heightfield", 2);
    uniforms.set("u_heightfield_min", static_cast<float>(box.x_min), static_cast<float>(box.y_min));
    uniforms.set("u_heightfield_size", static_cast<float>(box.x_max - box.x_min),
                 static_cast<float>(box.y_max - box.y_min));
  }
  uniforms.set("u_colormap", 0);
  uniforms.set("u_diverging", 1);
  uniforms.set("u_value_min", shading.value_min);
  uniforms.set("u_value_max", shading.value_max);
  uniforms.set("u_log_scale", shading.log_scale ? 1 : 0);
  uniforms.set("u_contour_count", static_cast<float>(shading.contours));
  uniforms.set("u_line_scale", shading.line_scale);
  uniforms.set("u_curvature_range", shading.curvature_range);
  for (const auto& [name, value] : shading.parameters) {
    uniforms.set(glsl_parameter_uniform(name), value);
  }
  return uniforms;
}

UniformValues FormulaRenderer::heatmap_uniforms(const Shading& shading, const View2D& view,
                                                const Viewport& viewport) const {
  UniformValues uniforms = shading_uniforms(shading);
  uniforms.set("u_viewport_origin", static_cast<float>(viewport.x), static_cast<float>(viewport.y));
  uniforms.set("u_viewport_size", static_cast<float>(viewport.width),
               static_cast<float>(viewport.height));
  uniforms.set("u_center", static_cast<float>(view.center_x), static_cast<float>(view.center_y));
  uniforms.set("u_units_per_pixel", static_cast<float>(view.units_per_pixel));
  uniforms.set("u_arrow_spacing", 48.0f * shading.line_scale);
  return uniforms;
}

// One triangle over the current viewport (fullscreen.vert).
void FormulaRenderer::draw_fullscreen(ShaderProgram& program, const UniformValues& uniforms) const {
  program.use();
  bind_textures();
  uniforms.apply(program);
  glDisable(GL_DEPTH_TEST);
  glBindVertexArray(empty_array_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

void FormulaRenderer::draw_heatmap(const Shading& shading, const View2D& view,
                                   const Viewport& viewport, bool arrows, HeatmapCache* cache,
                                   int reduction) {
  if (!active_) return;
  ShaderProgram& program = heatmap_program((arrows ? 1 : 0) + (shading.color_by_curvature ? 2 : 0));
  if (!cache) {
    set_viewport(viewport);
    draw_fullscreen(program, heatmap_uniforms(shading, view, viewport));
    return;
  }
  // The cached picture starts at pixel (0, 0); a reduced one has `reduction` times larger pixels
  // and thinner lines in its own pixels, so it shows the same region and looks alike scaled up.
  Shading reduced = shading;
  reduced.line_scale /= static_cast<float>(reduction);
  View2D reduced_view = view;
  reduced_view.units_per_pixel *= reduction;
  const Viewport picture{0, 0, (viewport.width + reduction - 1) / reduction,
                         (viewport.height + reduction - 1) / reduction};
  HeatmapCache::Key key{inputs_version_, &program,
                        heatmap_uniforms(reduced, reduced_view, picture)};
  GLint target = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  if (!cache->holds(key)) {
    cache->begin(picture.width, picture.height);
    draw_fullscreen(program, key.uniforms);
    cache->end(std::move(key), static_cast<GLuint>(target));
  }
  cache->present(viewport, static_cast<GLuint>(target));
  set_viewport(viewport);  // trajectories are drawn over it next
}

void FormulaRenderer::draw_surface(const Shading& shading, const SurfaceSettings& settings,
                                   const OrbitCamera& camera, const Viewport& viewport) {
  if (!active_) return;
  ShaderProgram& program = surface_program(shading.color_by_curvature ? 1 : 0);
  UniformValues uniforms = shading_uniforms(shading);
  const float aspect = static_cast<float>(viewport.width) / static_cast<float>(viewport.height);
  const Matrix4 view_projection = camera.view_projection(aspect);
  const Vector3 eye = camera.position();
  uniforms.set_matrix("u_view_projection", view_projection.data());
  uniforms.set("u_camera_position", eye.x(), eye.y(), eye.z());
  uniforms.set("u_domain_min", static_cast<float>(settings.domain_x_min),
               static_cast<float>(settings.domain_y_min));
  uniforms.set("u_domain_size", static_cast<float>(settings.domain_width),
               static_cast<float>(settings.domain_height));
  uniforms.set("u_height_scale", settings.height_scale);
  uniforms.set("u_floor_height", settings.floor_height);
  uniforms.set("u_surface_contours", settings.surface_contours ? 1 : 0);
  uniforms.set("u_floor_color", settings.floor_color[0], settings.floor_color[1],
               settings.floor_color[2]);
  program.use();
  bind_textures();
  uniforms.apply(program);
  set_viewport(viewport);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  if (settings.floor_contours) {
    const Mesh& floor = mesh(1);
    program.set("u_is_floor", 1);
    glBindVertexArray(floor.array);
    glDrawElements(GL_TRIANGLES, floor.index_count, GL_UNSIGNED_INT, nullptr);
  }
  const Mesh& grid = mesh(settings.resolution);
  program.set("u_is_floor", 0);
  glBindVertexArray(grid.array);
  glDrawElements(GL_TRIANGLES, grid.index_count, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

const FormulaRenderer::Mesh& FormulaRenderer::mesh(int resolution) {
  const auto found = meshes_.find(resolution);
  if (found != meshes_.end()) return found->second;
  std::vector<float> uv;
  const int side = resolution + 1;
  uv.reserve(static_cast<size_t>(side * side * 2));
  for (int j = 0; j < side; ++j) {
    for (int i = 0; i < side; ++i) {
      uv.push_back(static_cast<float>(i) / static_cast<float>(resolution));
      uv.push_back(static_cast<float>(j) / static_cast<float>(resolution));
    }
  }
  std::vector<GLuint> indices;
  indices.reserve(static_cast<size_t>(resolution * resolution * 6));
  for (int j = 0; j < resolution; ++j) {
    for (int i = 0; i < resolution; ++i) {
      const GLuint corner = static_cast<GLuint>(j * side + i);
      const GLuint right = corner + 1, up = corner + static_cast<GLuint>(side), diagonal = up + 1;
      indices.insert(indices.end(), {corner, right, diagonal, corner, diagonal, up});
    }
  }
  Mesh mesh;
  glGenVertexArrays(1, &mesh.array);
  glGenBuffers(1, &mesh.vertices);
  glGenBuffers(1, &mesh.indices);
  glBindVertexArray(mesh.array);
  glBindBuffer(GL_ARRAY_BUFFER, mesh.vertices);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(uv.size() * sizeof(float)), uv.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.indices);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(GLuint)),
               indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  mesh.index_count = static_cast<GLsizei>(indices.size());
  return meshes_.emplace(resolution, mesh).first->second;
}

}  // namespace lv::app
