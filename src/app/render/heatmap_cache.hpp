// The 2D heatmap kept in an offscreen picture: while nothing it was drawn from changes (program,
// textures, every uniform, size), frames copy it into the viewport instead of evaluating the
// formula per pixel again — the animation redraws only trajectories.
#pragma once

#include <optional>

#include "render/formula_renderer.hpp"
#include "render/gl.hpp"
#include "render/uniform_values.hpp"

namespace lv::app {

class HeatmapCache {
 public:
  // Everything the picture depends on. `inputs_version` counts changes of the programs and
  // textures (FormulaRenderer); `uniforms` are the values it was drawn with, size included.
  struct Key {
    long inputs_version = 0;
    const ShaderProgram* program = nullptr;
    UniformValues uniforms;
    bool operator==(const Key& other) const = default;
  };

  HeatmapCache() = default;
  ~HeatmapCache();
  HeatmapCache(const HeatmapCache&) = delete;
  HeatmapCache& operator=(const HeatmapCache&) = delete;

  bool holds(const Key& key) const { return key_ && *key_ == key; }
  // Binds the picture (width x height pixels, reallocated when the size changes) for drawing.
  void begin(int width, int height);
  // Records what the picture now shows; binds `target` again.
  void end(Key key, GLuint target);
  // Copies the picture into `viewport` of `target`: 1:1 when the sizes agree, else scaled with
  // linear filtering (the reduced picture drawn while the user drags).
  void present(const Viewport& viewport, GLuint target) const;

 private:
  void release();

  GLuint framebuffer_ = 0, color_ = 0;
  int width_ = 0, height_ = 0;
  std::optional<Key> key_;
};

}  // namespace lv::app
