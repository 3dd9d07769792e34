#include "render/framebuffer_capture.hpp"

#include <stb_image_write.h>

#include <algorithm>
#include <vector>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"
#include "render/gl.hpp"

namespace lv::app {
namespace {

void append_bytes(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<size_t>(size));
}

}  // namespace

void save_framebuffer_png(const std::string& path, int width, int height) {
  const size_t row_bytes = static_cast<size_t>(width) * 3;
  std::vector<unsigned char> pixels(row_bytes * static_cast<size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // GL's first row is the bottom one; PNG's is the top.
  std::vector<unsigned char> flipped(pixels.size());
  for (int row = 0; row < height; ++row) {
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes * static_cast<size_t>(row)),
                row_bytes,
                flipped.begin() +
                    static_cast<std::ptrdiff_t>(row_bytes * static_cast<size_t>(height - 1 - row)));
  }
  std::string png;
  if (stbi_write_png_to_func(append_bytes, &png, width, height, 3, flipped.data(),
                             static_cast<int>(row_bytes)) == 0) {
    throw InputError("cannot encode the screenshot as PNG");
  }
  write_file_atomically(path, png);
}

}  // namespace lv::app
