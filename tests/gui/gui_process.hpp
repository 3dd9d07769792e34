// Running the lossviz window binary in tests: under xvfb-run (Mesa's software GL), with leak
// checks off for the GUI process, and reading back the PNG pictures it writes.
#pragma once

#include <doctest/doctest.h>
#include <stb_image.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace lv::test {

// ctest runs the suite inside one xvfb-run and says so (LOSSVIZ_TEST_SHARED_DISPLAY=1): every
// launch then uses that X server, instead of starting (and cleaning up) one per launch.
inline std::string display_prefix() {
  const char* shared = std::getenv("LOSSVIZ_TEST_SHARED_DISPLAY");
  if (shared != nullptr && std::string(shared) == "1") return "";
  return "xvfb-run -a -s \"-screen 0 1920x1080x24\" ";
}
// GL drivers keep allocations until exit: leak checks are off for the GUI process only.
inline const std::string k_gui_environment = "ASAN_OPTIONS=detect_leaks=0 ";

// The shell words that start the lossviz window binary (environment, X server, path).
inline std::string gui_launcher() {
  return k_gui_environment + display_prefix() + LOSSVIZ_GUI_PATH;
}

inline std::string temporary(const std::string& name) {
  return "/tmp/lossviz-gui-test-" + std::to_string(::getpid()) + "-" + name;
}

inline std::string gui(const std::string& arguments) {
  return gui_launcher() + " " + arguments;
}

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  const unsigned char* at(int x, int y) const {
    return &rgb[(static_cast<size_t>(y) * width + x) * 3];
  }
};

inline Image load_png(const std::string& path) {
  Image image;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  REQUIRE_MESSAGE(data != nullptr, "cannot read " << path);
  image.rgb.assign(data, data + static_cast<size_t>(image.width) * image.height * 3);
  stbi_image_free(data);
  return image;
}

}  // namespace lv::test
