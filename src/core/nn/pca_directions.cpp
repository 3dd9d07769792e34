#include "nn/pca_directions.hpp"

#include <Eigen/Eigenvalues>

#include "common/errors.hpp"

namespace lv {

PcaDirections pca_directions(const std::vector<Vec>& checkpoints, const Vec& final_parameters) {
  const Eigen::Index count = static_cast<Eigen::Index>(checkpoints.size());
  if (count < 3)
    throw InputError("PCA directions need at least 3 checkpoints, got " + std::to_string(count));
  // Rows: θ_k − θ_final, centred as sklearn's PCA (used by Li et al.'s code) centres them.
  Mat offsets(count, final_parameters.size());
  for (Eigen::Index k = 0; k < count; ++k) {
    if (checkpoints[static_cast<size_t>(k)].size() != final_parameters.size()) {
      throw InputError("checkpoint " + std::to_string(k) + " has a different parameter count");
    }
    offsets.row(k) = (checkpoints[static_cast<size_t>(k)] - final_parameters).transpose();
  }
  offsets.rowwise() -= offsets.colwise().mean();
  // Few checkpoints, many parameters: the principal axes are Aᵀu/σ for the eigenpairs (σ², u) of
  // the small Gram matrix A Aᵀ.
  const Eigen::SelfAdjointEigenSolver<Mat> gram(offsets * offsets.transpose());
  const Vec& variances = gram.eigenvalues();  // ascending
  const double total = variances.sum();
  const double second = variances[count - 2];
  if (!(total > 0.0) || !(second > 1e-12 * total)) {
    throw InputError(
        "the checkpoints span fewer than two directions; PCA needs a moving trajectory");
  }
  PcaDirections result;
  result.dx = offsets.transpose() * gram.eigenvectors().col(count - 1);
  result.dy = offsets.transpose() * gram.eigenvectors().col(count - 2);
  result.dx.normalize();
  result.dy.normalize();
  result.explained_x = variances[count - 1] / total;
  result.explained_y = second / total;
  return result;
}

ProjectedTrajectory project_trajectory(const Mlp& mlp, const Dataset& data,
                                       const std::vector<Vec>& checkpoints,
                                       const Vec& final_parameters,
                                       const PcaDirections& directions) {
  ProjectedTrajectory trajectory;
  for (const Vec& parameters : checkpoints) {
    const Vec offset = parameters - final_parameters;
    const double x = directions.dx.dot(offset);
    const double y = directions.dy.dot(offset);
    const Vec in_plane = final_parameters + x * directions.dx + y * directions.dy;
    trajectory.x.push_back(x);
    trajectory.y.push_back(y);
    trajectory.distance.push_back((parameters - in_plane).norm());
    trajectory.loss.push_back(mlp.loss(parameters, data.inputs, data.targets));
    trajectory.plane_loss.push_back(mlp.loss(in_plane, data.inputs, data.targets));
  }
  return trajectory;
}

}  // namespace lv
