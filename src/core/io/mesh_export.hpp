// The loss surface as files other tools open: a Wavefront OBJ mesh (with trajectory polylines as
// separate objects), a binary STL mesh, and the sampled grid as CSV.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "grid/sampled_grid.hpp"
#include "io/surface_file.hpp"

namespace lv {

// A path drawn over the surface, in data coordinates (x, y, f(x, y)).
struct MeshPolyline {
  std::string name;  // the OBJ object name (spaces become underscores)
  std::vector<std::array<double, 3>> points;
};

// The grid as a triangle mesh: vertex (x_i, y_j, value · height_scale) per sample, two triangles
// per cell. Cells touching a non-finite sample are left out (the vertex is written with z = 0 so
// indices stay regular). Each polyline becomes its own object ("o NAME" + one "l" element);
// non-finite points are dropped.
std::string surface_obj(const SampledGrid& grid, const std::vector<MeshPolyline>& polylines,
                        double height_scale = 1.0);

// Binary STL: an 80-byte header, a little-endian uint32 triangle count, then 50 bytes per
// triangle (unit normal, three vertices as float32, a zero uint16), same triangles as the OBJ.
std::string surface_stl(const SampledGrid& grid, double height_scale = 1.0);

// "x,y,value" rows, x fastest, numbers as %.17g (nan/inf written as such).
std::string surface_grid_csv(const SampledGrid& grid);

// The grid in the loss-landscape HDF5 layout: train_loss[i][j] at (x_i, y_j), no accuracy.
SurfaceFile surface_file(const SampledGrid& grid);

// Writes .obj, .stl, .csv or .h5 (chosen by the extension) via a temporary file and rename. Throws
// InputError naming the path for an unknown extension or an unwritable location.
void save_surface(const std::string& path, const SampledGrid& grid,
                  const std::vector<MeshPolyline>& polylines, double height_scale = 1.0);

}  // namespace lv
