// Reading 2D loss surfaces from HDF5 files in the layout of the `loss-landscape` project
// (Li et al., "Visualizing the Loss Landscape of Neural Nets", NeurIPS 2018): datasets
// xcoordinates [nx], ycoordinates [ny], train_loss [nx, ny] with train_loss[i][j] the loss at
// (x_i, y_j), all float64.
#pragma once

#include <string>
#include <vector>

#include "grid/sampled_grid.hpp"

namespace lv {

// Reads `dataset` (default train_loss) into a SampledGrid (values[j*nx + i] = dataset[i][j]).
// The coordinates must be evenly spaced and increasing (as loss-landscape writes them).
// Throws InputError naming the file and the dataset for a missing file, a missing or
// mis-shaped dataset, or uneven coordinates.
SampledGrid read_surface_h5(const std::string& path, const std::string& dataset = "train_loss");

// An optional one-dimensional dataset of a surface file, such as the trajectory_x that
// `lossviz-cli landscape --pca` adds; empty when the file has no dataset of that name. Throws
// InputError naming the file and dataset when the file cannot be read or the dataset is not 1D.
std::vector<double> read_surface_h5_series(const std::string& path, const std::string& name);

}  // namespace lv
