// Surface exports: OBJ vertex/face/line counts, the binary STL layout (80-byte header, uint32
// count, 50 bytes per triangle: file size 84 + 50·n), unit normals, the grid CSV and HDF5, and a
// failed write that leaves the old file untouched.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <sstream>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"
#include "io/mesh_export.hpp"
#include "io/surface_h5_reader.hpp"
#include "text_checks.hpp"

using lv::test::count_lines_starting;

namespace {

// f(x, y) = x + 2y sampled on [0, 2] x [0, 1] at nx x ny points.
lv::SampledGrid plane_grid(int nx, int ny) {
  lv::SampledGrid grid;
  grid.x_min = 0.0;
  grid.x_max = 2.0;
  grid.y_min = 0.0;
  grid.y_max = 1.0;
  grid.nx = nx;
  grid.ny = ny;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) grid.values.push_back(grid.x(i) + 2.0 * grid.y(j));
  }
  return grid;
}

float read_float(const std::string& bytes, size_t offset) {
  float value = 0;
  std::memcpy(&value, bytes.data() + offset, 4);
  return value;
}

}  // namespace

TEST_CASE("OBJ: one vertex per sample, two triangles per cell, one object per polyline") {
  const lv::SampledGrid grid = plane_grid(4, 3);
  lv::MeshPolyline path{"sgd run", {{0, 0, 0}, {1, 0.5, 2}, {2, 1, 4}}};
  const std::string obj = lv::surface_obj(grid, {path});
  // 4·3 grid vertices + 3 path vertices; (4-1)·(3-1) cells · 2 triangles = 12 faces.
  CHECK(count_lines_starting(obj, "v ") == 12 + 3);
  CHECK(count_lines_starting(obj, "f ") == 12);
  CHECK(count_lines_starting(obj, "o ") == 2);
  CHECK(obj.find("o sgd_run\n") != std::string::npos);
  // The path's vertices follow the 12 grid vertices: 1-based indices 13, 14, 15.
  CHECK(obj.find("l 13 14 15\n") != std::string::npos);
  // The first face is the first cell's lower-left triangle: samples (0,0), (1,0), (1,1).
  CHECK(obj.find("f 1 2 6\n") != std::string::npos);
}

TEST_CASE("OBJ: cells touching a non-finite sample are left out") {
  lv::SampledGrid grid = plane_grid(3, 3);
  grid.values[4] = std::numeric_limits<double>::infinity();  // the centre touches all 4 cells
  const std::string obj = lv::surface_obj(grid, {});
  CHECK(count_lines_starting(obj, "v ") == 9);
  CHECK(count_lines_starting(obj, "f ") == 0);
}

TEST_CASE("binary STL: header, count and size 84 + 50·n; normals of a plane are unit length") {
  const lv::SampledGrid grid = plane_grid(5, 4);
  const std::string stl = lv::surface_stl(grid);
  const uint32_t triangles = 2 * (5 - 1) * (4 - 1);  // 24
  REQUIRE(stl.size() == 84 + 50 * static_cast<size_t>(triangles));
  uint32_t count = 0;
  std::memcpy(&count, stl.data() + 80, 4);
  CHECK(count == triangles);
  // The plane z = x + 2y has normal (-1, -2, 1)/sqrt(6) (gradient of z - x - 2y, facing +z).
  const double root6 = std::sqrt(6.0);
  for (uint32_t t = 0; t < triangles; ++t) {
    const size_t offset = 84 + 50 * static_cast<size_t>(t);
    const float nx = read_float(stl, offset), ny = read_float(stl, offset + 4),
                nz = read_float(stl, offset + 8);
    CHECK(std::sqrt(nx * nx + ny * ny + nz * nz) == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(nx == doctest::Approx(-1.0 / root6).epsilon(1e-5));
    CHECK(ny == doctest::Approx(-2.0 / root6).epsilon(1e-5));
    CHECK(nz == doctest::Approx(1.0 / root6).epsilon(1e-5));
  }
  // First triangle's first vertex is sample (0, 0) = (0, 0, 0); second is (0.5, 0, 0.5).
  CHECK(read_float(stl, 84 + 12) == 0.0f);
  CHECK(read_float(stl, 84 + 24) == 0.5f);
  CHECK(read_float(stl, 84 + 32) == 0.5f);
}

TEST_CASE("surface grid CSV: header and one row per sample, x fastest") {
  const std::string csv = lv::surface_grid_csv(plane_grid(3, 2));
  CHECK(csv.rfind("x,y,value\n0,0,0\n1,0,1\n2,0,2\n0,1,2\n", 0) == 0);
  CHECK(count_lines_starting(csv, "") == 1 + 6);
}

TEST_CASE("surface grid HDF5: the loss-landscape layout holds f(x_i, y_j) = x_i + 2 y_j") {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / "lossviz_mesh_export_h5_test";
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "surface.h5").string();
  lv::save_surface(path, plane_grid(3, 2), {});
  const lv::SampledGrid read = lv::read_surface_h5(path);
  CHECK(read.nx == 3);
  CHECK(read.ny == 2);
  CHECK(read.x_max == 2.0);
  CHECK(read.y_max == 1.0);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 2; ++j) CHECK(read.at(i, j) == doctest::Approx(i * 1.0 + 2.0 * j));
  std::filesystem::remove_all(directory);
}

TEST_CASE("save_surface: the extension picks the format; a failed write keeps the old file") {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / "lossviz_mesh_export_test";
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "surface.stl").string();
  lv::write_file_atomically(path, "old contents");
  // An unknown extension and an unwritable location both throw and leave `path` as it was.
  CHECK_THROWS_AS(lv::save_surface((directory / "surface.xyz").string(), plane_grid(2, 2), {}),
                  lv::InputError);
  CHECK_THROWS_AS(
      lv::save_surface((directory / "missing" / "surface.stl").string(), plane_grid(2, 2), {}),
      lv::InputError);
  lv::SampledGrid bad = plane_grid(2, 2);
  bad.values.pop_back();
  CHECK_THROWS_AS(lv::save_surface(path, bad, {}), lv::InputError);
  CHECK(lv::read_file(path) == "old contents");
  lv::save_surface(path, plane_grid(2, 2), {});
  CHECK(std::filesystem::file_size(path) == 84 + 50 * 2);
  std::filesystem::remove_all(directory);
}
