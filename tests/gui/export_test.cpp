// Export tests: lossviz --export under xvfb-run. An offscreen PNG has exactly the requested size
// (read from the PNG's IHDR chunk, PNG spec §11.2.2), animations are real GIF/MP4 files (magic
// bytes "GIF89a" and the ISO BMFF "ftyp" box) when ffmpeg is installed, the PNG-sequence fallback
// works without it, the OBJ mesh has the counts a 101 x 101 grid implies, and a failed export
// leaves an existing file untouched.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gui_process.hpp"
#include "process.hpp"
#include "text_checks.hpp"

using lv::test::count_lines_starting;

namespace {

const std::string k_scene =
    std::string("--scene ") + LOSSVIZ_GUI_TEST_DATA_DIR + "/magenta_sgd.json";

std::string scratch(const std::string& name) {
  return lv::test::temporary("export-" + name);
}

lv::test::ProcessResult export_run(const std::string& arguments,
                                   const std::string& environment = "") {
  return lv::test::run_process(environment + lv::test::gui_launcher() +
                               " --size 640x400 --frames 5 " + k_scene + " " + arguments);
}

std::string contents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Width and height from the IHDR chunk: 8-byte signature, 4-byte length, "IHDR", then two
// big-endian uint32.
std::pair<long, long> png_size(const std::string& path) {
  const std::string bytes = contents(path);
  REQUIRE(bytes.size() > 24);
  REQUIRE(bytes.substr(12, 4) == "IHDR");
  const auto be32 = [&](size_t offset) {
    long value = 0;
    for (size_t k = 0; k < 4; ++k)
      value = value * 256 + static_cast<unsigned char>(bytes[offset + k]);
    return value;
  };
  return {be32(16), be32(20)};
}

bool ffmpeg_installed() {
  return std::system("command -v ffmpeg >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("export: the offscreen PNG has the requested size, not the window's, in 2D and 3D") {
  for (const std::string view : {"2d", "3d"}) {
    const std::string path = scratch("view-" + view + ".png");
    const lv::test::ProcessResult result =
        export_run("--view " + view + " --export-size 1000x300 --export view=" + path);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(png_size(path) == std::pair<long, long>(1000, 300));
    // A picture, not a cleared buffer: the magenta run (255, 0, 255) is drawn in 2D, and in both
    // views many pixels differ from the corner (the background in 3D).
    const lv::test::Image image = lv::test::load_png(path);
    const int width = image.width, height = image.height;
    const unsigned char* pixels = image.rgb.data();
    long magenta = 0, differs_from_corner = 0;
    for (long i = 0; i < static_cast<long>(width) * height; ++i) {
      const unsigned char* p = pixels + 3 * i;
      magenta += p[0] > 200 && p[1] < 80 && p[2] > 200;
      differs_from_corner += p[0] != pixels[0] || p[1] != pixels[1] || p[2] != pixels[2];
    }
    if (view == "2d") CHECK(magenta > 50);
    CHECK(differs_from_corner > width * height / 20);  // the 3D surface covers ~15%
    std::remove(path.c_str());
  }
}

TEST_CASE("export: GIF and MP4 through ffmpeg, or PNG frames without it") {
  const std::string animation_flags = "--export-size 160x120 --export-fps 10 --export-seconds 1 ";
  if (ffmpeg_installed()) {
    const std::string gif = scratch("run.gif"), mp4 = scratch("run.mp4");
    const lv::test::ProcessResult result =
        export_run(animation_flags + "--export animation=" + gif + " --export animation=" + mp4);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    const std::string gif_bytes = contents(gif), mp4_bytes = contents(mp4);
    CHECK(gif_bytes.substr(0, 6) == "GIF89a");
    CHECK(mp4_bytes.size() > 1000);
    CHECK(mp4_bytes.substr(4, 4) == "ftyp");
    std::remove(gif.c_str());
    std::remove(mp4.c_str());
  } else {
    MESSAGE("ffmpeg is not installed: the GIF/MP4 checks are skipped");
  }
  // Without ffmpeg (forced by LOSSVIZ_FFMPEG naming a missing program): 10 numbered PNG frames.
  const std::string target = scratch("fallback.gif");
  const std::string frames = scratch("fallback_frames");
  const lv::test::ProcessResult result = export_run(
      animation_flags + "--export animation=" + target, "LOSSVIZ_FFMPEG=/nonexistent/ffmpeg ");
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(!std::filesystem::exists(target));
  CHECK(result.err.find("ffmpeg -framerate 10") != std::string::npos);
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(frames)) {
    ++count;
    CHECK(png_size(entry.path().string()) == std::pair<long, long>(160, 120));
  }
  CHECK(count == 10);  // 10 fps x 1 s
  CHECK(std::filesystem::exists(frames + "/frame_00000.png"));
  CHECK(std::filesystem::exists(frames + "/frame_00009.png"));
  std::filesystem::remove_all(frames);
}

TEST_CASE("export: OBJ mesh of the 101 x 101 default grid with the run as its own object") {
  const std::string path = scratch("surface.obj");
  const lv::test::ProcessResult result = export_run("--export mesh=" + path);
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  const std::string obj = contents(path);
  // Rosenbrock is finite everywhere: 100 x 100 cells, two triangles each.
  CHECK(count_lines_starting(obj, "f ") == 2 * 100 * 100);
  CHECK(count_lines_starting(obj, "o ") == 2);  // the surface and the one SGD run
  CHECK(count_lines_starting(obj, "l ") == 1);
  // 101 x 101 grid vertices plus one per recorded step of the 400-step run.
  CHECK(count_lines_starting(obj, "v ") == 101 * 101 + 401);
  std::remove(path.c_str());
}

TEST_CASE("export: a failed export says so, exits 1 and leaves the existing file untouched") {
  const std::string path = scratch("keep.mp4");
  { std::ofstream(path) << "old contents"; }
  // /bin/false stands in for an ffmpeg that fails at once.
  const lv::test::ProcessResult broken =
      export_run("--export-size 64x64 --export-seconds 0.5 --export animation=" + path,
                 "LOSSVIZ_FFMPEG=/bin/false ");
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("cannot write '" + path + "'") != std::string::npos);
  CHECK(contents(path) == "old contents");
  const lv::test::ProcessResult missing_directory =
      export_run("--export view=/nonexistent-directory/view.png");
  CHECK(missing_directory.exit_code == 1);
  CHECK(missing_directory.err.find("/nonexistent-directory/view.png") != std::string::npos);
  std::remove(path.c_str());
}
