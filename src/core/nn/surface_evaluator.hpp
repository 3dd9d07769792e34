// Loss and accuracy of a network on a 1D line or 2D grid of parameter vectors
// w + x_i·dx + y_j·dy. Multi-threaded (std::thread), progressive (a coarse grid first, refined in
// place, each unfinished point showing its nearest coarser value) and cancellable (an atomic
// flag), so a GUI worker thread can show pictures while it computes.
//
// Why it is fast: the first layer's pre-activation W(x, y)·X + b(x, y) is affine in (x, y), so
// W·X + b, dW_x·X + db_x and dW_y·X + db_y are computed once as three GEMMs; each grid point then
// starts from their linear combination and runs the remaining layers as GEMMs over all samples.
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"

namespace lv {

struct Surface {
  std::vector<double> x;  // nx coordinates
  std::vector<double> y;  // ny coordinates; empty for a 1D line
  Mat loss;               // [nx × max(ny, 1)]: loss(i, j) at w + x_i·dx + y_j·dy
  Mat accuracy;           // same shape; NaN everywhere for regression
  int stride = 0;         // grid spacing finished so far: 1 when complete, 0 before any level

  bool is_1d() const { return y.empty(); }
  bool complete() const { return stride == 1; }
};

struct SurfaceProgress {
  long points_done = 0;
  long points_total = 0;
  int stride = 0;  // the level being computed
};

enum class SurfaceStatus { Complete, Cancelled };

struct SurfaceOptions {
  int threads = 0;  // 0 = std::thread::hardware_concurrency() (default: 0)
  // Spacing of the first, coarse level (a power of two); 0 = the largest giving at least 4
  // points per axis (default: 0).
  int coarse_stride = 0;
  const std::atomic<bool>* cancel = nullptr;  // checked before every point (default: none)
  // Called after each point, from the evaluation threads but never concurrently.
  std::function<void(const SurfaceProgress&)> on_progress;
  // Called on the calling thread after each level, while no thread writes the surface.
  std::function<void(const Surface&)> on_level;
};

struct SurfaceResult {
  Surface surface;
  SurfaceStatus status = SurfaceStatus::Complete;
};

// `dy` is ignored when `y` is empty. Throws InputError for empty coordinates or vectors whose
// size is not the model's parameter count.
SurfaceResult evaluate_surface(const Mlp& mlp, const Dataset& data, const Vec& origin,
                               const Vec& dx, const Vec& dy, const std::vector<double>& x,
                               const std::vector<double>& y, const SurfaceOptions& options = {});

// n evenly spaced values from first to last (n ≥ 1; n = 1 gives first).
std::vector<double> linear_coordinates(double first, double last, int n);

}  // namespace lv
