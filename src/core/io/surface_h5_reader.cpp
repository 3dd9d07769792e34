#include "io/surface_h5_reader.hpp"

#include <hdf5.h>

#include "files/hdf5_handle.hpp"

#include <cmath>
#include <filesystem>
#include <vector>

#include "common/errors.hpp"

namespace lv {

namespace {

// A float64 dataset's values and shape; throws InputError naming the file and dataset.
std::vector<double> read_dataset(hid_t file, const std::string& path, const std::string& name,
                                 std::vector<hsize_t>& shape) {
  auto fail = [&](const std::string& reason) {
    throw InputError("'" + path + "': dataset '" + name + "' " + reason);
  };
  if (H5Lexists(file, name.c_str(), H5P_DEFAULT) <= 0) fail("is missing");
  const Hdf5Handle dataset(H5Dopen2(file, name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.valid()) fail("cannot be opened");
  const Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 1 || rank > 2) fail("must have 1 or 2 dimensions");
  shape.assign(static_cast<size_t>(rank), 0);
  H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr);
  // A file may claim any extent (a chunked dataset with a fill value costs nothing to write):
  // the element count is checked before it is allocated.
  constexpr hsize_t k_max_values = 100'000'000;
  hsize_t count = 1;
  for (hsize_t extent : shape) {
    if (__builtin_mul_overflow(count, extent, &count) || count > k_max_values) {
      fail("has more than " + std::to_string(k_max_values) + " values");
    }
  }
  const Hdf5Handle type(H5Dget_type(dataset.get()), H5Tclose);
  if (H5Tget_class(type.get()) != H5T_FLOAT && H5Tget_class(type.get()) != H5T_INTEGER)
    fail("is not numeric");
  std::vector<double> values(count);
  // HDF5 converts any stored float or integer type to native double on read.
  if (count > 0 &&
      H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
    fail("cannot be read");
  }
  return values;
}

void check_even_spacing(const std::vector<double>& coordinates, const std::string& path,
                        const std::string& name) {
  if (coordinates.size() < 2)
    throw InputError("'" + path + "': dataset '" + name + "' needs at least 2 values");
  const double step =
      (coordinates.back() - coordinates.front()) / static_cast<double>(coordinates.size() - 1);
  if (!(step > 0.0)) throw InputError("'" + path + "': dataset '" + name + "' must be increasing");
  for (size_t i = 0; i < coordinates.size(); ++i) {
    const double expected = coordinates.front() + step * static_cast<double>(i);
    if (std::abs(coordinates[i] - expected) >
        1e-6 * std::abs(step) * static_cast<double>(coordinates.size())) {
      throw InputError("'" + path + "': dataset '" + name + "' is not evenly spaced at index " +
                       std::to_string(i));
    }
  }
}

// Opens an HDF5 file for reading; throws InputError naming it when it is absent or not HDF5.
Hdf5Handle open_for_reading(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw InputError("cannot read '" + path + "': no such file");
  // Silence HDF5's own error printing: failures are reported as InputError instead.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    throw InputError("cannot read '" + path + "': not an HDF5 file");
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw InputError("cannot read '" + path + "': not an HDF5 file");
  return Hdf5Handle(file, H5Fclose);
}

}  // namespace

SampledGrid read_surface_h5(const std::string& path, const std::string& dataset) {
  const Hdf5Handle file = open_for_reading(path);

  std::vector<hsize_t> x_shape, y_shape, value_shape;
  const std::vector<double> xs = read_dataset(file.get(), path, "xcoordinates", x_shape);
  if (H5Lexists(file.get(), "ycoordinates", H5P_DEFAULT) <= 0) {
    throw InputError(
        "'" + path +
        "': dataset 'ycoordinates' is missing (a 1D surface cannot be plotted as a landscape)");
  }
  const std::vector<double> ys = read_dataset(file.get(), path, "ycoordinates", y_shape);
  const std::vector<double> values = read_dataset(file.get(), path, dataset, value_shape);
  check_even_spacing(xs, path, "xcoordinates");
  check_even_spacing(ys, path, "ycoordinates");
  if (value_shape.size() != 2 || value_shape[0] != xs.size() || value_shape[1] != ys.size()) {
    throw InputError("'" + path + "': dataset '" + dataset + "' must have shape [" +
                     std::to_string(xs.size()) + ", " + std::to_string(ys.size()) +
                     "] to match xcoordinates and ycoordinates");
  }
  SampledGrid grid;
  grid.nx = static_cast<int>(xs.size());
  grid.ny = static_cast<int>(ys.size());
  grid.x_min = xs.front();
  grid.x_max = xs.back();
  grid.y_min = ys.front();
  grid.y_max = ys.back();
  grid.values.resize(values.size());
  // The file stores [i][j] row-major (x outermost); the grid stores rows of constant y.
  for (int i = 0; i < grid.nx; ++i) {
    for (int j = 0; j < grid.ny; ++j) {
      grid.values[static_cast<size_t>(j) * grid.nx + i] =
          values[static_cast<size_t>(i) * grid.ny + j];
    }
  }
  return grid;
}

std::vector<double> read_surface_h5_series(const std::string& path, const std::string& name) {
  const Hdf5Handle file = open_for_reading(path);
  if (H5Lexists(file.get(), name.c_str(), H5P_DEFAULT) <= 0) return {};
  std::vector<hsize_t> shape;
  std::vector<double> values = read_dataset(file.get(), path, name, shape);
  if (shape.size() != 1) throw InputError("'" + path + "': dataset '" + name + "' must be 1D");
  return values;
}

}  // namespace lv
