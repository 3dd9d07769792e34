// lv::Trajectory: the records of one optimizer run (docs/architecture.md §3) stored
// column-wise, so a 10,000-step run is a handful of contiguous arrays (cheap to record, to plot
// and to upload). Row 0 is the start point before any update; row k the point after k updates.
// loss and gradient_norm are at that row's point; learning_rate and update_norm belong to the
// update that produced the row (row 0: the initial lr and 0).
#pragma once

#include <string>
#include <vector>

#include "common/types.hpp"

namespace lv {

enum class RunStatus { Running, Converged, Diverged, MaxSteps };

const char* status_name(RunStatus status);

class Trajectory {
 public:
  explicit Trajectory(int dim = 0) : dim_(dim) {}

  int dim() const { return dim_; }
  int size() const { return static_cast<int>(loss.size()); }
  bool empty() const { return loss.empty(); }
  Eigen::Map<const Vec> x(int row) const {
    return {positions.data() + static_cast<size_t>(row) * dim_, dim_};
  }

  void reserve(int rows);
  void append(const Vec& point, double loss_value, double gradient_norm_value,
              double update_norm_value, double learning_rate_value, long evaluations);

  // Columns (one entry per row; positions holds dim() entries per row).
  std::vector<double> positions;
  std::vector<double> loss;
  std::vector<double> gradient_norm;
  std::vector<double> update_norm;
  std::vector<double> learning_rate;
  std::vector<long> function_evaluations;  // cumulative, counted by the Oracle
  // Mini-batch runs only (empty otherwise): the epoch (0-based) of the batch that made the row's
  // update; row 0: 0 (docs/two_param_models.md).
  std::vector<int> epoch;

  RunStatus status = RunStatus::Running;
  int diverged_step = -1;     // the update that produced a non-finite or out-of-bounds point
  std::string status_reason;  // human-readable cause for Diverged/Converged

 private:
  int dim_;
};

}  // namespace lv
