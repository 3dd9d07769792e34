// Screenshots: the current framebuffer read back and written as PNG (stb_image_write from
// libstb-dev), atomically.
#pragma once

#include <string>

namespace lv::app {

// Reads the width × height pixels of the bound framebuffer and writes them to `path` as an RGB
// PNG, top row first. Throws InputError if the file cannot be written.
void save_framebuffer_png(const std::string& path, int width, int height);

}  // namespace lv::app
