#include "curvature/trajectory_curvature.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "curvature/hessian_eigen.hpp"
#include "optim/stability_limit.hpp"

namespace lv {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

void extreme_eigenvalues(const Mat& hessian, double& lambda_min, double& lambda_max) {
  lambda_min = lambda_max = k_nan;
  if (!hessian.allFinite()) return;
  if (hessian.rows() == 2) {
    const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
    lambda_min = eigen.lambda_min;
    lambda_max = eigen.lambda_max;
    return;
  }
  const Eigen::SelfAdjointEigenSolver<Mat> solver(0.5 * (hessian + hessian.transpose()),
                                                  Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success || solver.eigenvalues().size() == 0) return;
  lambda_min = solver.eigenvalues()[0];
  lambda_max = solver.eigenvalues()[solver.eigenvalues().size() - 1];
}

}  // namespace

CurvatureTrack trajectory_curvature(const Objective& objective, const Trajectory& trajectory,
                                    const Optimizer* optimizer) {
  CurvatureTrack track;
  const int rows = trajectory.size();
  track.lambda_min.resize(static_cast<size_t>(rows));
  track.lambda_max.resize(static_cast<size_t>(rows));
  track.condition.resize(static_cast<size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    const size_t i = static_cast<size_t>(row);
    extreme_eigenvalues(objective.hessian(trajectory.x(row)), track.lambda_min[i],
                        track.lambda_max[i]);
    track.condition[i] = condition_number(track.lambda_min[i], track.lambda_max[i]);
  }
  if (optimizer == nullptr || rows == 0) return track;
  // The update leaving row k is made with row k + 1's lr (trajectory.hpp: a row's lr belongs to
  // the update that produced it).
  // A step with lr 0 (a schedule's end) cannot go unstable: its limit is infinite.
  if (!stability_limit(*optimizer, 1.0)) return track;  // the method has no fixed-step limit
  track.stability_limit.resize(static_cast<size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    const double lr = trajectory.learning_rate[static_cast<size_t>(std::min(row + 1, rows - 1))];
    track.stability_limit[static_cast<size_t>(row)] =
        stability_limit(*optimizer, lr).value_or(std::numeric_limits<double>::infinity());
  }
  bool was_above = false;
  for (int row = 0; row < rows; ++row) {
    const size_t i = static_cast<size_t>(row);
    const bool above = track.lambda_max[i] > track.stability_limit[i];
    if (above && !was_above) track.crossings.push_back(row);
    was_above = above;
  }
  return track;
}

}  // namespace lv
