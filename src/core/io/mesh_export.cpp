#include "io/mesh_export.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"

namespace lv {
namespace {

static_assert(std::endian::native == std::endian::little,
              "binary STL is little-endian; this writer copies native floats");

using Vertex = std::array<double, 3>;

void append_format(std::string& out, const char* format, double a, double b, double c) {
  char buffer[96];
  const int length = std::snprintf(buffer, sizeof buffer, format, a, b, c);
  out.append(buffer, static_cast<size_t>(std::max(0, length)));
}

Vertex grid_vertex(const SampledGrid& grid, int i, int j, double height_scale) {
  const double value = grid.at(i, j);
  return {grid.x(i), grid.y(j), std::isfinite(value) ? value * height_scale : 0.0};
}

bool cell_finite(const SampledGrid& grid, int i, int j) {
  return std::isfinite(grid.at(i, j)) && std::isfinite(grid.at(i + 1, j)) &&
         std::isfinite(grid.at(i, j + 1)) && std::isfinite(grid.at(i + 1, j + 1));
}

// Calls emit(a, b, c) with grid indices (i, j) for both counter-clockwise triangles (seen from
// +z) of every finite cell.
template <typename Emit>
void for_each_triangle(const SampledGrid& grid, Emit emit) {
  for (int j = 0; j + 1 < grid.ny; ++j) {
    for (int i = 0; i + 1 < grid.nx; ++i) {
      if (!cell_finite(grid, i, j)) continue;
      const std::array<int, 2> p00{i, j}, p10{i + 1, j}, p01{i, j + 1}, p11{i + 1, j + 1};
      emit(p00, p10, p11);
      emit(p00, p11, p01);
    }
  }
}

std::string object_name(const std::string& name) {
  std::string cleaned = name.empty() ? "path" : name;
  std::replace_if(
      cleaned.begin(), cleaned.end(), [](char c) { return std::isspace(c) != 0; }, '_');
  return cleaned;
}

void append_float(std::string& out, double value) {
  const float single = static_cast<float>(value);
  char bytes[4];
  std::memcpy(bytes, &single, 4);
  out.append(bytes, 4);
}

void check_grid(const SampledGrid& grid) {
  if (grid.nx < 2 || grid.ny < 2 || grid.values.size() != static_cast<size_t>(grid.nx) * grid.ny) {
    throw InputError("surface export: the grid must be at least 2 x 2 with nx*ny values");
  }
}

}  // namespace

std::string surface_obj(const SampledGrid& grid, const std::vector<MeshPolyline>& polylines,
                        double height_scale) {
  check_grid(grid);
  std::string out = "# lossviz surface: z = f(x, y)\no surface\n";
  for (int j = 0; j < grid.ny; ++j) {
    for (int i = 0; i < grid.nx; ++i) {
      const Vertex v = grid_vertex(grid, i, j, height_scale);
      append_format(out, "v %.9g %.9g %.9g\n", v[0], v[1], v[2]);
    }
  }
  // OBJ indices are 1-based.
  const auto index = [&](const std::array<int, 2>& p) { return p[1] * grid.nx + p[0] + 1; };
  for_each_triangle(grid, [&](const auto& a, const auto& b, const auto& c) {
    append_format(out, "f %.0f %.0f %.0f\n", index(a), index(b), index(c));
  });
  long next_index = static_cast<long>(grid.nx) * grid.ny + 1;
  for (const MeshPolyline& polyline : polylines) {
    std::vector<Vertex> points;
    for (const Vertex& p : polyline.points) {
      if (std::isfinite(p[0]) && std::isfinite(p[1]) && std::isfinite(p[2])) points.push_back(p);
    }
    if (points.size() < 2) continue;
    out += "o " + object_name(polyline.name) + "\n";
    for (const Vertex& p : points)
      append_format(out, "v %.9g %.9g %.9g\n", p[0], p[1], p[2] * height_scale);
    out += "l";
    for (size_t k = 0; k < points.size(); ++k)
      out += " " + std::to_string(next_index + static_cast<long>(k));
    out += "\n";
    next_index += static_cast<long>(points.size());
  }
  return out;
}

std::string surface_stl(const SampledGrid& grid, double height_scale) {
  check_grid(grid);
  std::string triangles;
  uint32_t count = 0;
  for_each_triangle(grid, [&](const auto& a, const auto& b, const auto& c) {
    const Vertex va = grid_vertex(grid, a[0], a[1], height_scale);
    const Vertex vb = grid_vertex(grid, b[0], b[1], height_scale);
    const Vertex vc = grid_vertex(grid, c[0], c[1], height_scale);
    const Vertex u{vb[0] - va[0], vb[1] - va[1], vb[2] - va[2]};
    const Vertex w{vc[0] - va[0], vc[1] - va[1], vc[2] - va[2]};
    Vertex normal{u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
    const double length =
        std::sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
    for (double& component : normal) component = length > 0 ? component / length : 0.0;
    for (const Vertex* v : std::initializer_list<const Vertex*>{&normal, &va, &vb, &vc}) {
      for (double component : *v) append_float(triangles, component);
    }
    triangles.append(2, '\0');  // attribute byte count: unused
    ++count;
  });
  std::string header = "lossviz surface z = f(x, y), binary STL";
  header.resize(80, ' ');
  char count_bytes[4];
  std::memcpy(count_bytes, &count, 4);
  return header + std::string(count_bytes, 4) + triangles;
}

std::string surface_grid_csv(const SampledGrid& grid) {
  check_grid(grid);
  std::string out = "x,y,value\n";
  for (int j = 0; j < grid.ny; ++j) {
    for (int i = 0; i < grid.nx; ++i) {
      append_format(out, "%.17g,%.17g,%.17g\n", grid.x(i), grid.y(j), grid.at(i, j));
    }
  }
  return out;
}

SurfaceFile surface_file(const SampledGrid& grid) {
  SurfaceFile file;
  for (int i = 0; i < grid.nx; ++i) file.x.push_back(grid.x(i));
  for (int j = 0; j < grid.ny; ++j) file.y.push_back(grid.y(j));
  file.loss.resize(grid.nx, grid.ny);
  for (int i = 0; i < grid.nx; ++i)
    for (int j = 0; j < grid.ny; ++j) file.loss(i, j) = grid.at(i, j);
  return file;
}

void save_surface(const std::string& path, const SampledGrid& grid,
                  const std::vector<MeshPolyline>& polylines, double height_scale) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".obj")
    return write_file_atomically(path, surface_obj(grid, polylines, height_scale));
  if (extension == ".stl") return write_file_atomically(path, surface_stl(grid, height_scale));
  if (extension == ".csv") return write_file_atomically(path, surface_grid_csv(grid));
  if (extension == ".h5") return write_surface_hdf5(path, surface_file(grid));
  throw InputError("cannot write '" + path + "': unknown surface format '" + extension +
                   "' (use .obj, .stl, .csv or .h5)");
}

}  // namespace lv
