// Surface files read back with the HDF5 C library: the dataset names, shapes, float64 type and
// the [i][j] = (x_i, y_j) orientation of the loss-landscape project's layout; and the CSV form.
#include <doctest/doctest.h>

#include <hdf5.h>

#include "common/text.hpp"
#include "files/atomic_file.hpp"
#include "io/surface_file.hpp"
#include "temp_path.hpp"

using namespace lv;

using lv::test::temp_path;

namespace {

struct Dataset {
  std::vector<hsize_t> shape;
  std::vector<double> values;
  bool is_float64 = false;
};

Dataset read_dataset(hid_t file, const char* name) {
  Dataset result;
  const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  const hid_t space = H5Dget_space(dataset);
  result.shape.resize(static_cast<size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, result.shape.data(), nullptr);
  const hid_t type = H5Dget_type(dataset);
  result.is_float64 = H5Tget_class(type) == H5T_FLOAT && H5Tget_size(type) == 8;
  result.values.resize(static_cast<size_t>(H5Sget_simple_extent_npoints(space)));
  H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, result.values.data());
  H5Tclose(type);
  H5Sclose(space);
  H5Dclose(dataset);
  return result;
}

bool has_dataset(hid_t file, const char* name) {
  return H5Lexists(file, name, H5P_DEFAULT) > 0;
}

}  // namespace

TEST_CASE("2D HDF5 surface: loss-landscape layout, train_loss[i][j] at (x_i, y_j)") {
  SurfaceFile surface;
  surface.x = {-1, 0, 1};
  surface.y = {10, 20};
  surface.loss = Mat(3, 2);
  surface.accuracy = Mat(3, 2);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 2; ++j) {
      surface.loss(i, j) = 10 * i + j;  // distinct values reveal any transposition
      surface.accuracy(i, j) = 0.1 * i;
    }
  }
  surface.extra_datasets = {{"trajectory_x", {0.5, 0.25}}};
  const std::string path = temp_path("surface.h5");
  write_surface_hdf5(path, surface);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const Dataset x = read_dataset(file, "xcoordinates");
  CHECK(x.shape == std::vector<hsize_t>{3});
  CHECK(x.values == surface.x);
  CHECK(read_dataset(file, "ycoordinates").values == surface.y);
  const Dataset loss = read_dataset(file, "train_loss");
  CHECK(loss.is_float64);
  CHECK(loss.shape == std::vector<hsize_t>{3, 2});
  CHECK(loss.values == std::vector<double>{0, 1, 10, 11, 20, 21});  // C order: [i][j]
  CHECK(read_dataset(file, "train_acc").shape == std::vector<hsize_t>{3, 2});
  CHECK(read_dataset(file, "trajectory_x").values == std::vector<double>{0.5, 0.25});
  H5Fclose(file);
  std::remove(path.c_str());
}

TEST_CASE("1D HDF5 surface has no ycoordinates and a [nx] train_loss; regression omits train_acc") {
  SurfaceFile surface;
  surface.x = {0, 0.5, 1, 1.5};
  surface.loss = Mat(4, 1);
  surface.loss << 4, 3, 2, 1;
  const std::string path = temp_path("line.h5");
  write_surface_hdf5(path, surface);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  CHECK_FALSE(has_dataset(file, "ycoordinates"));
  CHECK_FALSE(has_dataset(file, "train_acc"));
  const Dataset loss = read_dataset(file, "train_loss");
  CHECK(loss.shape == std::vector<hsize_t>{4});
  CHECK(loss.values == std::vector<double>{4, 3, 2, 1});
  H5Fclose(file);
  std::remove(path.c_str());
}

TEST_CASE("CSV surface rows and a clear error for an unwritable path") {
  SurfaceFile surface;
  surface.x = {0, 1};
  surface.y = {2};
  surface.loss = Mat(2, 1);
  surface.loss << 0.5, 0.25;
  const std::string path = temp_path("surface.csv");
  write_surface_csv(path, surface);
  CHECK(read_file(path) == "x,y,loss\n0,2,0.5\n1,2,0.25\n");
  std::remove(path.c_str());
  CHECK_THROWS_WITH(write_surface_hdf5("/nonexistent-dir/s.h5", surface),
                    "cannot write '/nonexistent-dir/s.h5': cannot create an HDF5 file beside it");
}
