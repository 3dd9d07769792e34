#include "render/heatmap_cache.hpp"

#include <utility>

namespace lv::app {

HeatmapCache::~HeatmapCache() {
  release();
}

void HeatmapCache::release() {
  if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
  if (color_) glDeleteRenderbuffers(1, &color_);
  framebuffer_ = color_ = 0;
  width_ = height_ = 0;
  key_.reset();
}

void HeatmapCache::begin(int width, int height) {
  if (width != width_ || height != height_) {
    release();
    glGenFramebuffers(1, &framebuffer_);
    glGenRenderbuffers(1, &color_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    width_ = width;
    height_ = height;
  }
  key_.reset();  // the picture is being replaced
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glViewport(0, 0, width, height);
}

void HeatmapCache::end(Key key, GLuint target) {
  key_ = std::move(key);
  glBindFramebuffer(GL_FRAMEBUFFER, target);
}

void HeatmapCache::present(const Viewport& viewport, GLuint target) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  const bool exact = width_ == viewport.width && height_ == viewport.height;
  glBlitFramebuffer(0, 0, width_, height_, viewport.x, viewport.y, viewport.x + viewport.width,
                    viewport.y + viewport.height, GL_COLOR_BUFFER_BIT,
                    exact ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, target);
}

}  // namespace lv::app
