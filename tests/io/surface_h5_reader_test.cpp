// The loss-landscape HDF5 reader, on files written here with the HDF5 C API directly, and the
// trajectory CSV reader on the CSV writer's output.
#include <doctest/doctest.h>

#include <hdf5.h>

#include <cstdio>

#include "common/errors.hpp"
#include "io/surface_h5_reader.hpp"
#include "io/trajectory_csv_reader.hpp"
#include "io/trajectory_io.hpp"
#include "temp_path.hpp"

using lv::test::temp_path;

namespace {

void write_dataset(hid_t file, const char* name, const std::vector<hsize_t>& shape,
                   const std::vector<double>& values) {
  const hid_t space = H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr);
  const hid_t dataset =
      H5Dcreate2(file, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(dataset);
  H5Sclose(space);
}

// A file in the loss-landscape layout: x in {-1, 0, 1}, y in {0, 2}, train_loss[i][j] = 10 i + j.
std::string write_surface(const std::string& name, bool with_y = true, hsize_t loss_columns = 2) {
  const std::string path = temp_path(name);
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  write_dataset(file, "xcoordinates", {3}, {-1.0, 0.0, 1.0});
  if (with_y) write_dataset(file, "ycoordinates", {2}, {0.0, 2.0});
  std::vector<double> loss;
  for (int i = 0; i < 3; ++i) {
    for (hsize_t j = 0; j < loss_columns; ++j) loss.push_back(10.0 * i + static_cast<double>(j));
  }
  write_dataset(file, "train_loss", {3, loss_columns}, loss);
  H5Fclose(file);
  return path;
}

}  // namespace

TEST_CASE("a loss-landscape surface file reads as a grid with train_loss[i][j] at (x_i, y_j)") {
  const std::string path = write_surface("surface.h5");
  const lv::SampledGrid grid = lv::read_surface_h5(path);
  CHECK(grid.nx == 3);
  CHECK(grid.ny == 2);
  CHECK(grid.x_min == -1.0);
  CHECK(grid.x_max == 1.0);
  CHECK(grid.y_min == 0.0);
  CHECK(grid.y_max == 2.0);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 2; ++j) CHECK(grid.at(i, j) == 10.0 * i + j);
  }
  std::remove(path.c_str());
}

TEST_CASE("bad surface files give errors naming the file and the dataset") {
  CHECK_THROWS_WITH_AS(lv::read_surface_h5("/nonexistent/surface.h5"),
                       doctest::Contains("no such file"), lv::InputError);
  const std::string text = temp_path("not.h5");
  std::FILE* file = std::fopen(text.c_str(), "w");
  std::fputs("hello", file);
  std::fclose(file);
  CHECK_THROWS_WITH_AS(lv::read_surface_h5(text), doctest::Contains("not an HDF5 file"),
                       lv::InputError);
  std::remove(text.c_str());

  const std::string one_d = write_surface("one_d.h5", false);
  CHECK_THROWS_WITH_AS(lv::read_surface_h5(one_d), doctest::Contains("'ycoordinates' is missing"),
                       lv::InputError);
  std::remove(one_d.c_str());
  const std::string mis_shaped = write_surface("shape.h5", true, 3);
  CHECK_THROWS_WITH_AS(lv::read_surface_h5(mis_shaped), doctest::Contains("must have shape [3, 2]"),
                       lv::InputError);
  CHECK_THROWS_WITH_AS(lv::read_surface_h5(mis_shaped, "train_acc"),
                       doctest::Contains("'train_acc' is missing"), lv::InputError);
  std::remove(mis_shaped.c_str());
}

TEST_CASE("optional 1D datasets read back, absent ones as empty, 2D ones are refused") {
  const std::string path = write_surface("series.h5");
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  write_dataset(file, "trajectory_x", {4}, {0.5, -0.25, 0.125, 0.0});
  H5Fclose(file);
  CHECK(lv::read_surface_h5_series(path, "trajectory_x") ==
        std::vector<double>{0.5, -0.25, 0.125, 0.0});
  CHECK(lv::read_surface_h5_series(path, "trajectory_y").empty());
  CHECK_THROWS_WITH_AS(lv::read_surface_h5_series(path, "train_loss"),
                       doctest::Contains("'train_loss' must be 1D"), lv::InputError);
  std::remove(path.c_str());
  CHECK_THROWS_WITH_AS(lv::read_surface_h5_series(path, "trajectory_x"),
                       doctest::Contains("no such file"), lv::InputError);
}

TEST_CASE("a trajectory CSV reads back what the writer wrote") {
  lv::Trajectory trajectory(2);
  lv::Vec point(2);
  point << 1.0, -2.0;
  trajectory.append(point, 5.0, 3.0, 0.0, 0.1, 0);
  point << 0.5, -1.0;
  trajectory.append(point, 1.25, 1.5, 1.118, 0.1, 1);
  const lv::Trajectory read = lv::parse_trajectory_csv(lv::trajectory_csv(trajectory), "t.csv");
  REQUIRE(read.size() == 2);
  CHECK(read.dim() == 2);
  CHECK(read.x(1)[0] == 0.5);
  CHECK(read.x(1)[1] == -1.0);
  CHECK(read.loss[1] == 1.25);
  CHECK(read.gradient_norm[0] == 3.0);
}

TEST_CASE("malformed trajectory CSV names the file, line and column") {
  CHECK_THROWS_WITH_AS(lv::parse_trajectory_csv("a,b\n", "t.csv"),
                       doctest::Contains("'t.csv' line 1"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::parse_trajectory_csv(
                           "step,loss,grad_norm,update_norm,lr,x0,x1\n0,1,2,3,4,5,oops\n", "t.csv"),
                       doctest::Contains("'t.csv' line 2 column 7: 'oops' is not a number"),
                       lv::InputError);
  const lv::Trajectory diverged = lv::parse_trajectory_csv(
      "step,loss,grad_norm,update_norm,lr,x0,x1\n0,1,1,0,0.1,1,1\n1,inf,1,0,0.1,1,1\n", "t.csv");
  CHECK(diverged.status == lv::RunStatus::Diverged);
  CHECK(diverged.diverged_step == 1);
  CHECK(diverged.size() == 1);
}
