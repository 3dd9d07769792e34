// The two views' transforms: the 2D pan/zoom view (function coordinates ↔ pixels) and the 3D
// orbit camera around the surface (world: the domain mapped to [-1, 1]², height up as z).
#pragma once

#include <Eigen/Dense>

namespace lv::app {

using Matrix4 = Eigen::Matrix4f;
using Vector3 = Eigen::Vector3f;

struct View2D {
  double center_x = 0.0, center_y = 0.0;
  double units_per_pixel = 0.01;  // function units per pixel, equal in x and y
};

// Keeps a 2D view where the picture still means something: the shaders work in 32-bit floats,
// so the center stays within ±k_max_view_center and the zoom within [k_min_units_per_pixel,
// k_max_units_per_pixel] (a non-finite value goes back to the origin / the default zoom).
inline constexpr double k_max_view_center = 1e6;
inline constexpr double k_min_units_per_pixel = 1e-6;
inline constexpr double k_max_units_per_pixel = 1e5;
void limit_view2d(View2D& view);

// Function coordinates (x, y, 0) → clip space for a viewport of width × height pixels.
Matrix4 view2d_transform(const View2D& view, float width, float height);

struct OrbitCamera {
  float yaw = -0.9f;      // around the z axis (radians)
  float pitch = 0.55f;    // above the floor (radians)
  float distance = 3.4f;  // from the target
  Vector3 target = Vector3(0.0f, 0.0f, 0.3f);
  float field_of_view = 0.8f;  // vertical, radians

  Vector3 position() const;
  Matrix4 view_projection(float aspect) const;
  // Ray through a viewport point given in normalized device coordinates (-1..1).
  void ray(float ndc_x, float ndc_y, float aspect, Vector3& origin, Vector3& direction) const;
  void rotate(float delta_yaw, float delta_pitch);
  void zoom(float factor);
  void pan(float dx, float dy);  // in fractions of the view height
};

}  // namespace lv::app
