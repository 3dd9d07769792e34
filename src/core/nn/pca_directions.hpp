// PCA directions from a training trajectory (Li et al. 2018, §7): the two leading principal
// components of the checkpoints' offsets from the final parameters span the plane the optimizer
// moved in most; the trajectory is projected onto it, and for each checkpoint we keep how far it
// lies off the plane and its true loss, which tell how faithful the 2D picture is.
#pragma once

#include <vector>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"

namespace lv {

struct PcaDirections {
  Vec dx;  // unit vectors, orthogonal
  Vec dy;
  double explained_x = 0.0;  // fraction of the variance along each direction
  double explained_y = 0.0;
};

// Needs at least 3 checkpoints (two non-degenerate components). Throws InputError otherwise.
PcaDirections pca_directions(const std::vector<Vec>& checkpoints, const Vec& final_parameters);

struct ProjectedTrajectory {
  std::vector<double> x;  // coordinates in the plane: dxᵀ(θ_k − θ_final)
  std::vector<double> y;
  std::vector<double> distance;  // ‖(θ_k − θ_final) − x·dx − y·dy‖: distance from the plane
  std::vector<double> loss;        // true loss at θ_k
  std::vector<double> plane_loss;  // loss at the projected point θ_final + x·dx + y·dy
};

ProjectedTrajectory project_trajectory(const Mlp& mlp, const Dataset& data,
                                       const std::vector<Vec>& checkpoints,
                                       const Vec& final_parameters,
                                       const PcaDirections& directions);

}  // namespace lv
