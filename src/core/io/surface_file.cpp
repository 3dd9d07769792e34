#include "io/surface_file.hpp"

#include <hdf5.h>

#include <unistd.h>
#include <cstdio>
#include "files/hdf5_handle.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"

namespace lv {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Writes one float64 dataset of the given shape from row-major data; false on failure.
bool write_dataset(hid_t file, const std::string& name, const std::vector<hsize_t>& shape,
                   const double* data) {
  const Hdf5Handle space(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr),
                         H5Sclose);
  if (!space.valid()) return false;
  const Hdf5Handle dataset(H5Dcreate2(file, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                                      H5P_DEFAULT, H5P_DEFAULT),
                           H5Dclose);
  return dataset.valid() &&
         H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) >= 0;
}

bool write_grid(hid_t file, const std::string& name, const SurfaceFile& surface,
                const Mat& values) {
  const RowMajor row_major = values;  // train_loss[i][j]: i along x, j along y, C order
  std::vector<hsize_t> shape = {static_cast<hsize_t>(surface.x.size())};
  if (!surface.y.empty()) shape.push_back(static_cast<hsize_t>(surface.y.size()));
  return write_dataset(file, name, shape, row_major.data());
}

bool write_all(hid_t file, const SurfaceFile& surface) {
  auto vector_dataset = [&](const std::string& name, const std::vector<double>& values) {
    return write_dataset(file, name, {static_cast<hsize_t>(values.size())}, values.data());
  };
  if (!vector_dataset("xcoordinates", surface.x)) return false;
  if (!surface.y.empty() && !vector_dataset("ycoordinates", surface.y)) return false;
  if (!write_grid(file, "train_loss", surface, surface.loss)) return false;
  if (surface.accuracy.size() > 0 && !write_grid(file, "train_acc", surface, surface.accuracy))
    return false;
  for (const auto& [name, values] : surface.extra_datasets) {
    if (!vector_dataset(name, values)) return false;
  }
  return true;
}

void check_shape(const std::string& path, const SurfaceFile& surface) {
  const Eigen::Index nx = static_cast<Eigen::Index>(surface.x.size());
  const Eigen::Index ny = std::max<Eigen::Index>(static_cast<Eigen::Index>(surface.y.size()), 1);
  if (surface.loss.rows() != nx || surface.loss.cols() != ny ||
      (surface.accuracy.size() > 0 &&
       (surface.accuracy.rows() != nx || surface.accuracy.cols() != ny))) {
    throw InputError("cannot write '" + path + "': the loss grid does not match the coordinates");
  }
}

}  // namespace

void write_surface_hdf5(const std::string& path, const SurfaceFile& surface) {
  check_shape(path, surface);
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors are reported by us, once
  bool written = false;
  {
    const Hdf5Handle file(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                          H5Fclose);
    if (!file.valid())
      throw InputError("cannot write '" + path + "': cannot create an HDF5 file beside it");
    written = write_all(file.get(), surface) && H5Fflush(file.get(), H5F_SCOPE_GLOBAL) >= 0;
  }
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw InputError("cannot write '" + path + "': HDF5 write failed");
  }
}

void write_surface_csv(const std::string& path, const SurfaceFile& surface) {
  check_shape(path, surface);
  const bool has_accuracy = surface.accuracy.size() > 0;
  std::string text = surface.y.empty() ? "x,loss" : "x,y,loss";
  text += has_accuracy ? ",acc\n" : "\n";
  for (size_t i = 0; i < surface.x.size(); ++i) {
    for (size_t j = 0; j < std::max<size_t>(surface.y.size(), 1); ++j) {
      const auto row = static_cast<Eigen::Index>(i), column = static_cast<Eigen::Index>(j);
      text += format_exact(surface.x[i]);
      if (!surface.y.empty()) text += "," + format_exact(surface.y[j]);
      text += "," + format_exact(surface.loss(row, column));
      if (has_accuracy) text += "," + format_exact(surface.accuracy(row, column));
      text += "\n";
    }
  }
  write_file_atomically(path, text);
}

}  // namespace lv
