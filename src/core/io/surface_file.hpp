// Loss-surface files. HDF5 in the layout of the `loss-landscape` project (Li et al. 2018):
// float64 datasets `xcoordinates` [nx], `ycoordinates` [ny] (absent in 1D), `train_loss` [nx,ny]
// (or [nx]) with train_loss[i][j] the loss at w + x_i·dx + y_j·dy, and `train_acc` likewise;
// extra 1D float64 datasets (e.g. a projected training trajectory) may be added. CSV has one row
// per grid point: x,y,loss,acc (1D: x,loss,acc). Both are written via a temporary file + rename.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/types.hpp"

namespace lv {

struct SurfaceFile {
  std::vector<double> x;
  std::vector<double> y;  // empty for 1D
  Mat loss;               // [nx × max(ny, 1)]
  Mat accuracy;           // same shape, or empty to omit train_acc
  std::vector<std::pair<std::string, std::vector<double>>> extra_datasets;
};

void write_surface_hdf5(const std::string& path, const SurfaceFile& surface);
void write_surface_csv(const std::string& path, const SurfaceFile& surface);

}  // namespace lv
