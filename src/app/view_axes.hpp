// What the main view's axes and colorbar say, computed without ImGui or GL so that tests can
// check it: the 2D view's x/y ticks at screen positions that follow pan and zoom, the value scale's
// ticks (linear or logarithmic, exactly the shaders' mapping) with the contour levels, and the
// margins the view gives up for them. panels/axes_overlay.cpp draws these.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"
#include "panels/panels.hpp"

namespace lv::app {

struct ScreenTick {
  float at = 0.0f;  // ImGui pixels along the axis (x: from the left, y: from the top)
  double value = 0.0;
  std::string label;  // with a real minus sign (U+2212)
};

// The 2D view's mapping from function coordinates to ImGui pixels inside `plot` (what the
// heatmap shader does, in the other direction), for everything drawn over the picture.
struct PlotMapping {
  View2D view;
  Rect plot;
  double units_per_point = 1.0;  // function units per ImGui pixel
  PlotMapping(const View2D& view2d, const Rect& area, float pixels_per_point)
      : view(view2d), plot(area), units_per_point(view2d.units_per_pixel * pixels_per_point) {}
  float screen_x(double x) const {
    return static_cast<float>(plot.x + 0.5 * plot.width + (x - view.center_x) / units_per_point);
  }
  float screen_y(double y) const {
    return static_cast<float>(plot.y + 0.5 * plot.height - (y - view.center_y) / units_per_point);
  }
};

// About one x tick per 5.5 font heights and one y tick per 2.8 (labels never crowd).
inline constexpr float k_x_tick_spacing = 5.5f, k_y_tick_spacing = 2.8f;

// The 2D view's ticks inside `plot` (ImGui pixels) for `view`; `pixels_per_point` converts ImGui
// pixels to framebuffer pixels (View2D::units_per_pixel counts framebuffer pixels). About one
// tick per `spacing` ImGui pixels.
std::vector<ScreenTick> view2d_x_ticks(const View2D& view, const Rect& plot, float pixels_per_point,
                                       float spacing);
std::vector<ScreenTick> view2d_y_ticks(const View2D& view, const Rect& plot, float pixels_per_point,
                                       float spacing);

// The value scale as the colorbar and the 3D f axis show it. Positions t in [0, 1] are the
// shaders' scaled value (lv_scaled in shaders/common.glsl, scaled_value in state_actions):
// linear, or log(1 + (f − min)/unit)/log(1 + span/unit) with unit = span·1e-4.
struct ValueScaleTicks {
  struct Tick {
    double t = 0.0;
    std::string label;
  };
  std::vector<Tick> major;
  std::vector<double> minor;   // unlabelled (2…9 × 10^k on a log scale)
  std::vector<double> levels;  // the contour levels drawn in the picture
  std::string title;           // "f", or "f + 1" when a log scale counts from a minimum of −1
};
ValueScaleTicks value_scale_ticks(const ViewState& view, int target_count = 6);
// The value f at scaled position t (the inverse of scaled_value).
double value_at_scale(const ViewState& view, double t);

// Where the colorbar sits right of the picture `plot` (ImGui pixels), and the height of scaled
// value t on it.
struct ColorbarGeometry {
  float left = 0.0f, width = 0.0f, top = 0.0f, bottom = 0.0f;
  float y_of(double t) const { return static_cast<float>(bottom - t * (bottom - top)); }
};
ColorbarGeometry colorbar_geometry(const Rect& plot, float font_size);

// Margins (ImGui pixels) the view gives up for its axes: tick labels left of and below the 2D
// picture and the colorbar at the right (the 3D view keeps only the colorbar).
struct AxesMargins {
  float left = 0.0f, right = 0.0f, top = 0.0f, bottom = 0.0f;
};
AxesMargins axes_margins(const ViewState& view, float font_size);

}  // namespace lv::app

namespace lv::app {

// The 3D view's box around the surface (world: the domain as [-1, 1]², the value scale from z = 0
// to the height scale, the floor at `k_floor_height`): the edges to draw (none in front of the
// surface: the vertical edge and the top edges nearest the camera are left out), and ticked x, y
// and f axes on the floor edges facing the camera and on a vertical edge at the left.
inline constexpr float k_floor_height = -0.25f;
struct BoxAxes {
  struct Tick {
    Vector3 position;
    std::string label;
  };
  struct Axis {
    std::vector<Tick> ticks;
    Vector3 outward;  // from the box, in world units: where tick marks and labels go
    bool vertical = false;
    std::string title;
    Vector3 title_position;
  };
  std::vector<Axis> axes;  // x, y, f
  std::vector<std::pair<Vector3, Vector3>> edges;
};
BoxAxes box_axes(const AppState& state, float aspect);

// The built-in function's minima and saddles from the literature, when the picture shows that
// function at its default parameters (a typed formula or changed parameters has none known).
std::vector<CriticalPoint> known_critical_points(const AppState& state);

}  // namespace lv::app
