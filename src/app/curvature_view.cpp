#include "curvature_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/quantile.hpp"
#include "curvature/hessian_eigen.hpp"
#include "curvature/quadratic_model.hpp"

namespace lv::app {
namespace {

constexpr double k_arrow_pixels = 64.0;      // half-length of a full arrow
constexpr double k_arrow_head_pixels = 8.0;  // each side of an arrowhead
constexpr double k_dash_pixels = 7.0, k_gap_pixels = 5.0;
constexpr double k_decades = 4.0;                // |λ| range the arrow lengths spread over
constexpr double k_model_radius_pixels = 220.0;  // the model's level set is drawn this far out
constexpr double k_model_min_pixels = 22.0;      // the smallest ellipse worth drawing
constexpr std::array<float, 4> k_underlay{0.0f, 0.0f, 0.0f, 0.55f};

std::array<float, 4> slot_color(const OptimizerSlot& slot) {
  return {slot.color[0], slot.color[1], slot.color[2], 1.0f};
}

Vec vec2(double x, double y) {
  Vec v(2);
  v << x, y;
  return v;
}

// Each line twice: a wider dark underlay (all underlays first), then the line itself.
void add_with_underlay(std::vector<OverlayLine>& underlays, std::vector<OverlayLine>& lines,
                       OverlayLine line) {
  underlays.push_back({line.points, k_underlay, line.width + 2.5f});
  lines.push_back(std::move(line));
}

// A double-headed arrow along `direction` through `center`, solid or dashed.
void add_arrow(std::vector<OverlayLine>& underlays, std::vector<OverlayLine>& lines,
               const Vec& center, const Vec& direction, double half_length, double pixel,
               const std::array<float, 4>& color, bool dashed) {
  const Vec tip_a = center + half_length * direction, tip_b = center - half_length * direction;
  if (dashed) {
    const double period = (k_dash_pixels + k_gap_pixels) * pixel, dash = k_dash_pixels * pixel;
    // Dashes laid out symmetrically from the center, so the pattern does not crawl.
    for (double start = -half_length; start < half_length; start += period) {
      const double end = std::min(start + dash, half_length);
      add_with_underlay(underlays, lines,
                        {{center + start * direction, center + end * direction}, color, 2.5f});
    }
  } else {
    add_with_underlay(underlays, lines, {{tip_a, tip_b}, color, 2.5f});
  }
  const Vec normal = vec2(-direction[1], direction[0]);
  const double head = k_arrow_head_pixels * pixel;
  for (const auto& [tip, sign] : {std::pair<Vec, double>{tip_a, 1.0}, {tip_b, -1.0}}) {
    const Vec back = tip - sign * 0.85 * head * direction;
    add_with_underlay(
        underlays, lines,
        {{back + 0.55 * head * normal, tip, back - 0.55 * head * normal}, color, 2.5f});
  }
}

}  // namespace

int playback_row(const Trajectory& trajectory, double step) {
  if (trajectory.empty()) return 0;
  return std::clamp(static_cast<int>(std::floor(step)), 0, trajectory.size() - 1);
}

Vec playback_point(const Trajectory& trajectory, double step) {
  const int last = trajectory.size() - 1;
  const int row = playback_row(trajectory, step);
  const int next = std::min(row + 1, last);
  const double fraction = std::clamp(step - row, 0.0, 1.0);
  return (1 - fraction) * trajectory.x(row) + fraction * trajectory.x(next);
}

double typical_curvature(const std::vector<CurvatureTrack>& tracks) {
  std::vector<double> magnitudes;
  for (const CurvatureTrack& track : tracks) {
    for (const auto* column : {&track.lambda_min, &track.lambda_max}) {
      for (double lambda : *column) {
        if (std::isfinite(lambda) && lambda != 0.0) magnitudes.push_back(std::abs(lambda));
      }
    }
  }
  if (magnitudes.empty()) return 1.0;
  std::sort(magnitudes.begin(), magnitudes.end());
  return quantile_sorted(magnitudes, 0.9);
}

double eigen_arrow_fraction(double lambda, double scale) {
  if (!(scale > 0.0) || !std::isfinite(scale)) scale = 1.0;
  const double ratio = std::abs(lambda) / scale;
  if (!(ratio > 0.0)) return k_min_arrow_fraction;
  return std::clamp(1.0 + std::log10(ratio) / k_decades, k_min_arrow_fraction, 1.0);
}

std::vector<OverlayLine> curvature_overlay(const AppState& state, double units_per_pixel) {
  std::vector<OverlayLine> underlays, lines;
  if (!state.view.hessian_eigenvectors && !state.view.quadratic_model) return underlays;
  const double pixel = units_per_pixel;
  for (size_t i = 0; i < state.optimizers.size() && i < state.run.trajectories.size(); ++i) {
    const OptimizerSlot& slot = state.optimizers[i];
    const Trajectory& trajectory = state.run.trajectories[i];
    if (!slot.visible || trajectory.empty() || trajectory.dim() != 2) continue;
    const Vec point = playback_point(trajectory, state.playback.step);
    Vec gradient(2);
    Mat hessian(2, 2);
    state.function.expr.value_gradient_hessian(point, gradient, hessian);
    if (!gradient.allFinite() || !hessian.allFinite()) continue;
    if (state.view.quadratic_model) {
      const double level =
          quadratic_model_display_level(gradient, hessian, k_model_min_pixels * pixel);
      for (const Polyline2& curve :
           quadratic_model_level_set(gradient, hessian, level, k_model_radius_pixels * pixel)) {
        OverlayLine line{{}, slot_color(slot), 1.75f};
        for (const Vec& d : curve) line.points.push_back(point + d);
        add_with_underlay(underlays, lines, std::move(line));
      }
    }
    if (state.view.hessian_eigenvectors) {
      const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
      for (const auto& [lambda, vector] :
           {std::pair<double, const Vec*>{eigen.lambda_min, &eigen.v_min},
            {eigen.lambda_max, &eigen.v_max}}) {
        const double half_length =
            k_arrow_pixels * eigen_arrow_fraction(lambda, state.run.curvature_scale) * pixel;
        const bool negative = lambda < 0.0;
        add_arrow(underlays, lines, point, *vector, half_length, pixel,
                  negative ? k_negative_curvature_color : slot_color(slot), negative);
      }
    }
  }
  underlays.insert(underlays.end(), std::make_move_iterator(lines.begin()),
                   std::make_move_iterator(lines.end()));
  return underlays;
}

std::vector<CrossingRing> crossing_rings(const AppState& state) {
  std::vector<CrossingRing> rings;
  const size_t count = std::min(
      {state.optimizers.size(), state.run.trajectories.size(), state.run.curvature.size()});
  for (size_t i = 0; i < count; ++i) {
    const Trajectory& trajectory = state.run.trajectories[i];
    if (!state.optimizers[i].visible) continue;
    for (int row : state.run.curvature[i].crossings) {
      if (row >= trajectory.size() || row > state.playback.step) break;
      rings.push_back({i, row, trajectory.x(row)[0], trajectory.x(row)[1]});
    }
  }
  return rings;
}

std::string stable_lr_text(double lambda_max) {
  if (!(lambda_max > 0.0)) return "2/λmax = —";
  char text[48];
  std::snprintf(text, sizeof text, "2/λmax = %.4g", 2.0 / lambda_max);
  return text;
}

std::string curvature_text(double lambda_min, double lambda_max) {
  const double kappa = condition_number(lambda_min, lambda_max);
  char text[96];
  if (std::isfinite(kappa)) {
    std::snprintf(text, sizeof text, "λ1 = %.4g, λ2 = %.4g, κ = %.4g, ", lambda_min, lambda_max,
                  kappa);
  } else {  // an eigenvalue 0: κ = ∞ (both 0: undefined)
    std::snprintf(text, sizeof text, "λ1 = %.4g, λ2 = %.4g, κ = %s, ", lambda_min, lambda_max,
                  std::isnan(kappa) ? "—" : "∞");
  }
  return text + stable_lr_text(lambda_max);
}

}  // namespace lv::app
