// An offscreen framebuffer (RGBA8 color + 24-bit depth/8-bit stencil) of any size, so exported
// pictures are rendered at the requested resolution instead of grabbed from the window.
#pragma once

#include "render/gl.hpp"

namespace lv::app {

class OffscreenTarget {
 public:
  // Throws InputError when the driver cannot make a complete framebuffer of that size.
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  // Binds it for drawing and reading, with a viewport covering it all.
  void bind() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_ = 0, height_ = 0;
  GLuint framebuffer_ = 0, color_ = 0, depth_ = 0;
};

}  // namespace lv::app
