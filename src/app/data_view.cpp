#include "data_view.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace lv::app {

namespace {

constexpr std::array<float, 4> k_underlay{0.0f, 0.0f, 0.0f, 0.75f};
constexpr std::array<float, 4> k_cloud_color{1.0f, 1.0f, 1.0f, 0.9f};

Vec vec2(double x, double y) {
  Vec v(2);
  v << x, y;
  return v;
}

bool takes_minibatches(const AppState& state, size_t slot) {
  const TwoParamModel* model = state.function.model.get();
  return model && state.run.batch_size > 0 && state.run.batch_size < model->sample_count() &&
         !state.optimizers[slot].optimizer->full_batch();
}

// The selected optimizer when it takes mini-batches, else the first visible one that does.
std::optional<size_t> cloud_slot(const AppState& state) {
  const size_t count = std::min(state.optimizers.size(), state.run.trajectories.size());
  auto usable = [&](size_t slot) {
    return slot < count && state.optimizers[slot].visible && takes_minibatches(state, slot);
  };
  const size_t selected = static_cast<size_t>(std::max(0, state.ui.selected_optimizer));
  if (usable(selected)) return selected;
  for (size_t slot = 0; slot < count; ++slot) {
    if (usable(slot)) return slot;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CloudAt> gradient_cloud(const AppState& state) {
  const std::optional<size_t> found = cloud_slot(state);
  if (!found) return std::nullopt;
  const size_t slot = *found;
  const Trajectory& trajectory = state.run.trajectories[slot];
  if (trajectory.empty()) return std::nullopt;
  CloudAt cloud;
  cloud.slot = slot;
  const int row = playback_row(trajectory, state.playback.step);
  cloud.point = trajectory.x(row);
  cloud.learning_rate = trajectory.learning_rate[static_cast<size_t>(row)];
  // Seeded by the row, so the cloud is steady while paused and changes as the run moves on.
  cloud.noise =
      gradient_noise(*state.function.model, cloud.point, state.run.batch_size, k_cloud_batches,
                     static_cast<uint64_t>(state.run.seed) * 7919 + static_cast<uint64_t>(row));
  return cloud;
}

double cloud_magnification(const CloudAt& cloud, double units_per_pixel) {
  double extent = 0.0;  // the farthest batch step from the full step, in pixels
  const Vec center = cloud.learning_rate * cloud.noise.full_gradient;
  for (const Vec& g : cloud.noise.batch_gradients) {
    extent = std::max(extent, (cloud.learning_rate * g - center).norm());
  }
  extent /= std::max(units_per_pixel, 1e-300);
  if (!(extent > 0.0) || extent >= 40.0) return 1.0;
  for (double factor = 2.0;; factor *= 10.0) {
    for (const double step : {1.0, 2.5, 5.0}) {
      if (extent * factor * step >= 40.0 || factor * step >= 1e6) return factor * step;
    }
  }
}

std::vector<OverlayLine> gradient_cloud_overlay(const AppState& state, double units_per_pixel) {
  const std::optional<CloudAt> cloud = gradient_cloud(state);
  if (!cloud) return {};
  std::vector<OverlayLine> underlays, lines;
  auto add = [&](OverlayLine line) {
    underlays.push_back({line.points, k_underlay, line.width + 2.0f});
    lines.push_back(std::move(line));
  };
  const double lr = cloud->learning_rate * cloud_magnification(*cloud, units_per_pixel);
  const Vec center = cloud->point - lr * cloud->noise.full_gradient;
  const double dot = 2.0 * units_per_pixel;
  for (const Vec& g : cloud->noise.batch_gradients) {
    const Vec tip = cloud->point - lr * g;
    add({{tip - vec2(dot, 0), tip + vec2(dot, 0)}, k_cloud_color, 2.5f});
  }
  const auto& color = state.optimizers[cloud->slot].color;
  add({{cloud->point, center}, {color[0], color[1], color[2], 1.0f}, 2.5f});
  // The 2σ ellipse: center + 2·lr·(√λ₁ cos t·v₁ + √λ₂ sin t·v₂) over the covariance's eigenpairs.
  const Eigen::SelfAdjointEigenSolver<Mat> solver(cloud->noise.batch_covariance);
  const Vec radii = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt() * (2.0 * lr);
  OverlayLine ellipse{{}, {color[0], color[1], color[2], 1.0f}, 2.0f};
  constexpr int segments = 72;
  for (int k = 0; k <= segments; ++k) {
    const double t = 2.0 * std::numbers::pi * k / segments;
    ellipse.points.push_back(center + radii[0] * std::cos(t) * solver.eigenvectors().col(0) +
                             radii[1] * std::sin(t) * solver.eigenvectors().col(1));
  }
  add(std::move(ellipse));
  underlays.insert(underlays.end(), lines.begin(), lines.end());
  return underlays;
}

std::string minibatch_text(const AppState& state, double units_per_pixel) {
  const TwoParamModel* model = state.function.model.get();
  if (!model) return "";
  char text[200];
  const int n = model->sample_count();
  if (state.run.batch_size <= 0 || state.run.batch_size >= n) {
    std::snprintf(text, sizeof text, "full batch, n = %d", n);
    return text;
  }
  std::snprintf(text, sizeof text, "B = %d of n = %d (%d batches per epoch)", state.run.batch_size,
                n, (n + state.run.batch_size - 1) / state.run.batch_size);
  std::string result = text;
  if (const auto cloud = gradient_cloud(state)) {
    const Trajectory& trajectory = state.run.trajectories[cloud->slot];
    const int row = playback_row(trajectory, state.playback.step);
    if (!trajectory.epoch.empty())
      result += ", epoch " + std::to_string(trajectory.epoch[static_cast<size_t>(row)]);
    std::snprintf(text, sizeof text, "\ngradient noise scale B_simple = tr(Σ)/|G|² = %.3g",
                  cloud->noise.noise_scale);
    result += text;
    const double magnification = cloud_magnification(*cloud, units_per_pixel);
    if (magnification > 1.0) {
      std::snprintf(text, sizeof text, "\nstep cloud drawn %g× enlarged", magnification);
      result += text;
    }
  }
  return result;
}

}  // namespace lv::app
