#include "view_axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/text.hpp"
#include "plot/nice_ticks.hpp"

namespace lv::app {
namespace {

int tick_count(float length, float spacing) {
  return std::clamp(static_cast<int>(length / std::max(spacing, 1.0f)) + 1, 2, 12);
}

double log_unit(const ViewState& view) {
  const double span = std::max(static_cast<double>(view.value_max - view.value_min), 1e-30);
  return std::max(span * 1e-4, 1e-30);
}

}  // namespace

namespace {

// Ticks of one axis of the 2D view: nice values over the `length` pixels around `center`, each
// at the pixel `to_screen` puts it.
template <typename ToScreen>
std::vector<ScreenTick> view2d_ticks(double center, float length, double units_per_point,
                                     float spacing, ToScreen to_screen) {
  const double half = 0.5 * length * units_per_point;
  const Ticks ticks = linear_ticks(center - half, center + half, tick_count(length, spacing));
  std::vector<ScreenTick> result;
  for (size_t i = 0; i < ticks.values.size(); ++i) {
    result.push_back(
        {to_screen(ticks.values[i]), ticks.values[i], with_minus_sign(ticks.labels[i])});
  }
  return result;
}

}  // namespace

std::vector<ScreenTick> view2d_x_ticks(const View2D& view, const Rect& plot, float pixels_per_point,
                                       float spacing) {
  const PlotMapping mapping(view, plot, pixels_per_point);
  return view2d_ticks(view.center_x, plot.width, mapping.units_per_point, spacing,
                      [&](double x) { return mapping.screen_x(x); });
}

std::vector<ScreenTick> view2d_y_ticks(const View2D& view, const Rect& plot, float pixels_per_point,
                                       float spacing) {
  const PlotMapping mapping(view, plot, pixels_per_point);
  return view2d_ticks(view.center_y, plot.height, mapping.units_per_point, spacing,
                      [&](double y) { return mapping.screen_y(y); });
}

double value_at_scale(const ViewState& view, double t) {
  const double low = view.value_min;
  const double span = std::max(static_cast<double>(view.value_max - view.value_min), 1e-30);
  if (!view.log_scale) return low + t * span;
  const double unit = log_unit(view);
  return low + unit * std::expm1(t * std::log1p(span / unit));
}

ValueScaleTicks value_scale_ticks(const ViewState& view, int target_count) {
  ValueScaleTicks result;
  const double low = view.value_min, high = view.value_max;
  const double span = std::max(high - low, 1e-30);
  if (!view.log_scale) {
    result.title = "f";
    const Ticks ticks = linear_ticks(low, high, target_count);
    for (size_t i = 0; i < ticks.values.size(); ++i) {
      result.major.push_back({(ticks.values[i] - low) / span, with_minus_sign(ticks.labels[i])});
    }
  } else {
    // The scale counts f − min in decades (from unit = span·1e-4 to span); when the minimum is
    // not ~0 the title says what is subtracted.
    const double unit = log_unit(view);
    if (std::abs(low) <= unit) {
      result.title = "f";
    } else {
      char offset[32];  // three significant digits: the label names the scale, not the data
      std::snprintf(offset, sizeof offset, "%.3g", std::abs(low));
      result.title = with_minus_sign(std::string(low < 0 ? "f + " : "f - ") + offset);
    }
    const auto position = [&](double log_value) {
      return std::log1p(std::pow(10.0, log_value) / unit) / std::log1p(span / unit);
    };
    std::vector<double> minor;
    const Ticks ticks = log10_axis_ticks(std::log10(unit), std::log10(span), &minor);
    result.major.push_back({0.0, "0"});  // the bottom: f − min = 0
    for (size_t i = 0; i < ticks.values.size(); ++i) {
      result.major.push_back({position(ticks.values[i]), with_minus_sign(ticks.labels[i])});
    }
    for (const double value : minor) result.minor.push_back(position(value));
  }
  for (int k = 1; k < view.contours; ++k) {
    result.levels.push_back(static_cast<double>(k) / view.contours);
  }
  return result;
}

ColorbarGeometry colorbar_geometry(const Rect& plot, float font_size) {
  ColorbarGeometry bar;
  bar.width = 0.9f * font_size;
  bar.left = plot.x + plot.width + 0.8f * font_size;
  bar.top = plot.y + 0.3f * font_size;
  bar.bottom = plot.y + plot.height - 0.4f * font_size;
  return bar;
}

AxesMargins axes_margins(const ViewState& view, float font_size) {
  AxesMargins margins;
  margins.right = 6.0f * font_size;  // the colorbar: bar, ticks, labels
  margins.top = 1.7f * font_size;    // the colorbar's title, the y axis's name
  if (!view.three_d) {
    margins.left = 3.6f * font_size;
    margins.bottom = 1.8f * font_size;
  } else {
    margins.bottom = 0.6f * font_size;
  }
  return margins;
}

}  // namespace lv::app

namespace lv::app {

BoxAxes box_axes(const AppState& state, float aspect) {
  BoxAxes box;
  const ViewBox& domain = state.function.domain;
  const float top = state.view.height_scale, floor = k_floor_height;
  const Vector3 eye = state.view.camera.position();
  // The floor edges facing the camera carry the x and y ticks.
  const float front_y = eye.y() >= 0 ? 1.0f : -1.0f, front_x = eye.x() >= 0 ? 1.0f : -1.0f;
  // The f axis stands at the left of the two side corners (never the corner nearest the eye,
  // which would stand in front of the surface).
  const Matrix4 transform = state.view.camera.view_projection(aspect);
  const auto screen_x = [&](float x, float y) {
    const Eigen::Vector4f clip = transform * Eigen::Vector4f(x, y, 0.0f, 1.0f);
    return clip.x() / std::max(clip.w(), 1e-6f);
  };
  float corner_x = front_x, corner_y = -front_y;
  if (screen_x(-front_x, front_y) < screen_x(front_x, -front_y)) {
    corner_x = -front_x;
    corner_y = front_y;
  }
  const auto world_x = [&](double x) {
    return static_cast<float>(2.0 * (x - domain.x_min) / (domain.x_max - domain.x_min) - 1.0);
  };
  const auto world_y = [&](double y) {
    return static_cast<float>(2.0 * (y - domain.y_min) / (domain.y_max - domain.y_min) - 1.0);
  };
  BoxAxes::Axis x_axis, y_axis, f_axis;
  const Ticks x_ticks = linear_ticks(domain.x_min, domain.x_max, 5);
  for (size_t i = 0; i < x_ticks.values.size(); ++i) {
    x_axis.ticks.push_back(
        {Vector3(world_x(x_ticks.values[i]), front_y, floor), with_minus_sign(x_ticks.labels[i])});
  }
  x_axis.outward = Vector3(0.0f, front_y, 0.0f);
  x_axis.title = "x";
  x_axis.title_position = Vector3(0.0f, 1.32f * front_y, floor);
  const Ticks y_ticks = linear_ticks(domain.y_min, domain.y_max, 5);
  for (size_t i = 0; i < y_ticks.values.size(); ++i) {
    y_axis.ticks.push_back(
        {Vector3(front_x, world_y(y_ticks.values[i]), floor), with_minus_sign(y_ticks.labels[i])});
  }
  y_axis.outward = Vector3(front_x, 0.0f, 0.0f);
  y_axis.title = "y";
  y_axis.title_position = Vector3(1.32f * front_x, 0.0f, floor);
  const ValueScaleTicks values = value_scale_ticks(state.view, 5);
  for (const auto& tick : values.major) {
    if (state.view.log_scale && tick.t == 0.0) continue;  // "0" would crowd the floor's labels
    f_axis.ticks.push_back(
        {Vector3(corner_x, corner_y, static_cast<float>(tick.t) * top), tick.label});
  }
  f_axis.vertical = true;
  f_axis.outward = Vector3(corner_x, corner_y, 0.0f).normalized();
  f_axis.title = values.title;
  f_axis.title_position = Vector3(corner_x, corner_y, top + 0.15f);
  box.axes = {x_axis, y_axis, f_axis};
  // Edges: the floor rectangle, the three vertical edges away from the eye's corner, and the top
  // edges that meet at the far corner.
  const float xs[2] = {-1.0f, 1.0f};
  for (const float a : xs) {
    box.edges.push_back({Vector3(a, -1, floor), Vector3(a, 1, floor)});
    box.edges.push_back({Vector3(-1, a, floor), Vector3(1, a, floor)});
    for (const float b : xs) {
      if (a == front_x && b == front_y) continue;
      box.edges.push_back({Vector3(a, b, floor), Vector3(a, b, top)});
    }
  }
  box.edges.push_back({Vector3(-front_x, -1, top), Vector3(-front_x, 1, top)});
  box.edges.push_back({Vector3(-1, -front_y, top), Vector3(1, -front_y, top)});
  return box;
}

std::vector<CriticalPoint> known_critical_points(const AppState& state) {
  const int index = state.function.builtin;
  if (index < 0 || index >= static_cast<int>(test_functions().size())) return {};
  const TestFunction& function = test_functions()[static_cast<size_t>(index)];
  const std::vector<double>& values = state.function.expr.parameter_values();
  if (values.size() != function.parameters.size()) return {};
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] != function.parameters[i].value) return {};
  }
  return function.critical_points;
}

}  // namespace lv::app
