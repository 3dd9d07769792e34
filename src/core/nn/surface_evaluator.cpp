#include "nn/surface_evaluator.hpp"

#include <algorithm>
#include <limits>
#include <mutex>
#include <thread>

#include "common/errors.hpp"
#include "nn/loss.hpp"
#include "nn/network_objective.hpp"

namespace lv {

namespace {

// The first layer's pre-activations along the plane: Z(x, y) = base + x·along_x + y·along_y.
struct FirstLayerPlane {
  Mat base;
  Mat along_x;
  Mat along_y;
};

Mat first_layer_output(const Vec& parameters, const LinearBlock& block, const Mat& inputs) {
  Mat output = Mlp::weight(parameters, block) * inputs;
  output.colwise() += Mlp::bias(parameters, block);
  return output;
}

struct GridPoint {
  int i = 0;
  int j = 0;
};

int default_coarse_stride(int nx, int ny) {
  const int longest = std::max(nx, ny);
  int stride = 1;
  while ((longest - 1) / (stride * 2) >= 3) stride *= 2;
  return stride;
}

// Points on the grid of spacing `stride` that no coarser level computed.
std::vector<GridPoint> level_points(int nx, int ny, int stride, bool first_level) {
  std::vector<GridPoint> points;
  for (int i = 0; i < nx; i += stride) {
    for (int j = 0; j < ny; j += stride) {
      const bool done_before = !first_level && i % (2 * stride) == 0 && j % (2 * stride) == 0;
      if (!done_before) points.push_back({i, j});
    }
  }
  return points;
}

// Shows every point not yet computed with the value of its coarse-grid corner.
void fill_preview(Surface& surface, int stride) {
  for (Eigen::Index i = 0; i < surface.loss.rows(); ++i) {
    for (Eigen::Index j = 0; j < surface.loss.cols(); ++j) {
      if (i % stride == 0 && j % stride == 0) continue;
      surface.loss(i, j) = surface.loss(i - i % stride, j - j % stride);
      surface.accuracy(i, j) = surface.accuracy(i - i % stride, j - j % stride);
    }
  }
}

class GridEvaluation {
 public:
  GridEvaluation(const Mlp& mlp, const Dataset& data, const Vec& origin, const Vec& dx,
                 const Vec& dy, Surface& surface, const SurfaceOptions& options)
      : mlp_(mlp),
        data_(data),
        origin_(origin),
        dx_(dx),
        dy_(dy),
        surface_(surface),
        options_(options) {
    const LinearBlock& first = mlp.linear_blocks().front();
    plane_.base = first_layer_output(origin, first, data.inputs);
    plane_.along_x = first_layer_output(dx, first, data.inputs);
    plane_.along_y = surface.is_1d() ? Mat::Zero(first.out, data.size())
                                     : first_layer_output(dy, first, data.inputs);
  }

  // Computes `points` with `threads` threads; false if cancelled.
  bool run(const std::vector<GridPoint>& points, int threads, int stride) {
    next_.store(0);
    stride_ = stride;
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) workers.emplace_back([&] { work(points); });
    work(points);
    for (std::thread& worker : workers) worker.join();
    return !cancelled();
  }

  long done() const { return done_.load(); }
  void set_total(long total) { total_ = total; }

 private:
  bool cancelled() const { return options_.cancel && options_.cancel->load(); }

  void work(const std::vector<GridPoint>& points) {
    Vec parameters(origin_.size());
    Mat first(plane_.base.rows(), plane_.base.cols());
    for (size_t k = next_.fetch_add(1); k < points.size(); k = next_.fetch_add(1)) {
      if (cancelled()) return;
      const GridPoint point = points[k];
      const double x = surface_.x[static_cast<size_t>(point.i)];
      const double y = surface_.is_1d() ? 0.0 : surface_.y[static_cast<size_t>(point.j)];
      parameters = origin_ + x * dx_;
      if (y != 0.0) parameters += y * dy_;
      first = plane_.base + x * plane_.along_x + y * plane_.along_y;
      const Mat outputs = mlp_.forward_from(parameters, 1, std::move(first));
      surface_.loss(point.i, point.j) = loss_value(mlp_.spec().loss, outputs, data_.targets);
      surface_.accuracy(point.i, point.j) = accuracy(mlp_.spec().loss, outputs, data_.targets);
      first.resize(plane_.base.rows(), plane_.base.cols());
      report();
    }
  }

  void report() {
    const long done = done_.fetch_add(1) + 1;
    if (!options_.on_progress) return;
    const std::lock_guard<std::mutex> lock(progress_mutex_);
    options_.on_progress({done, total_, stride_});
  }

  const Mlp& mlp_;
  const Dataset& data_;
  const Vec& origin_;
  const Vec& dx_;
  const Vec& dy_;
  Surface& surface_;
  const SurfaceOptions& options_;
  FirstLayerPlane plane_;
  std::atomic<size_t> next_{0};
  std::atomic<long> done_{0};
  long total_ = 0;
  int stride_ = 0;
  std::mutex progress_mutex_;
};

void check_inputs(const Mlp& mlp, const Vec& origin, const Vec& dx, const Vec& dy,
                  const std::vector<double>& x, const std::vector<double>& y) {
  const Eigen::Index n = mlp.parameter_count();
  if (x.empty()) throw InputError("a surface needs at least one x coordinate");
  if (origin.size() != n || dx.size() != n || (!y.empty() && dy.size() != n)) {
    throw InputError("weights and directions must have the model's " + std::to_string(n) +
                     " parameters");
  }
}

}  // namespace

std::vector<double> linear_coordinates(double first, double last, int n) {
  std::vector<double> values(static_cast<size_t>(std::max(n, 1)), first);
  for (int k = 1; k < n; ++k) values[static_cast<size_t>(k)] = first + (last - first) * k / (n - 1);
  return values;
}

SurfaceResult evaluate_surface(const Mlp& mlp, const Dataset& data, const Vec& origin,
                               const Vec& dx, const Vec& dy, const std::vector<double>& x,
                               const std::vector<double>& y, const SurfaceOptions& options) {
  check_inputs(mlp, origin, dx, dy, x, y);
  check_model_fits_data(mlp, data);
  SurfaceResult result;
  Surface& surface = result.surface;
  surface.x = x;
  surface.y = y;
  const int nx = static_cast<int>(x.size());
  const int ny = std::max(static_cast<int>(y.size()), 1);
  surface.loss = Mat::Constant(nx, ny, std::numeric_limits<double>::quiet_NaN());
  surface.accuracy = surface.loss;

  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int stride = options.coarse_stride > 0 ? options.coarse_stride : default_coarse_stride(nx, ny);
  GridEvaluation evaluation(mlp, data, origin, dx, dy, surface, options);
  evaluation.set_total(static_cast<long>(nx) * ny);
  for (bool first_level = true; stride >= 1; stride /= 2, first_level = false) {
    if (!evaluation.run(level_points(nx, ny, stride, first_level), threads, stride)) {
      result.status = SurfaceStatus::Cancelled;
      return result;
    }
    surface.stride = stride;
    fill_preview(surface, stride);
    if (options.on_level) options.on_level(surface);
  }
  return result;
}

}  // namespace lv
