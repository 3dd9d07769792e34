#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

namespace lv::app {
namespace {

Matrix4 look_at(const Vector3& eye, const Vector3& target, const Vector3& up) {
  const Vector3 forward = (target - eye).normalized();
  const Vector3 side = forward.cross(up).normalized();
  const Vector3 true_up = side.cross(forward);
  Matrix4 view = Matrix4::Identity();
  view.block<1, 3>(0, 0) = side.transpose();
  view.block<1, 3>(1, 0) = true_up.transpose();
  view.block<1, 3>(2, 0) = -forward.transpose();
  view(0, 3) = -side.dot(eye);
  view(1, 3) = -true_up.dot(eye);
  view(2, 3) = forward.dot(eye);
  return view;
}

// gluPerspective's matrix.
Matrix4 perspective(float field_of_view, float aspect, float near_plane, float far_plane) {
  const float f = 1.0f / std::tan(0.5f * field_of_view);
  Matrix4 projection = Matrix4::Zero();
  projection(0, 0) = f / aspect;
  projection(1, 1) = f;
  projection(2, 2) = (far_plane + near_plane) / (near_plane - far_plane);
  projection(2, 3) = 2.0f * far_plane * near_plane / (near_plane - far_plane);
  projection(3, 2) = -1.0f;
  return projection;
}

}  // namespace

void limit_view2d(View2D& view) {
  const View2D fallback;
  for (double* center : {&view.center_x, &view.center_y}) {
    *center =
        std::isfinite(*center) ? std::clamp(*center, -k_max_view_center, k_max_view_center) : 0.0;
  }
  view.units_per_pixel =
      std::isfinite(view.units_per_pixel)
          ? std::clamp(view.units_per_pixel, k_min_units_per_pixel, k_max_units_per_pixel)
          : fallback.units_per_pixel;
}

Matrix4 view2d_transform(const View2D& view, float width, float height) {
  const float scale_x = static_cast<float>(2.0 / (view.units_per_pixel * width));
  const float scale_y = static_cast<float>(2.0 / (view.units_per_pixel * height));
  Matrix4 transform = Matrix4::Identity();
  transform(0, 0) = scale_x;
  transform(1, 1) = scale_y;
  transform(0, 3) = -static_cast<float>(view.center_x) * scale_x;
  transform(1, 3) = -static_cast<float>(view.center_y) * scale_y;
  return transform;
}

Vector3 OrbitCamera::position() const {
  return target + distance * Vector3(std::cos(pitch) * std::cos(yaw),
                                     std::cos(pitch) * std::sin(yaw), std::sin(pitch));
}

Matrix4 OrbitCamera::view_projection(float aspect) const {
  return perspective(field_of_view, aspect, 0.02f * distance, 20.0f * distance) *
         look_at(position(), target, Vector3::UnitZ());
}

void OrbitCamera::ray(float ndc_x, float ndc_y, float aspect, Vector3& origin,
                      Vector3& direction) const {
  const Matrix4 inverse = view_projection(aspect).inverse();
  const Eigen::Vector4f near_point = inverse * Eigen::Vector4f(ndc_x, ndc_y, -1.0f, 1.0f);
  const Eigen::Vector4f far_point = inverse * Eigen::Vector4f(ndc_x, ndc_y, 1.0f, 1.0f);
  origin = near_point.head<3>() / near_point.w();
  direction = (far_point.head<3>() / far_point.w() - origin).normalized();
}

void OrbitCamera::rotate(float delta_yaw, float delta_pitch) {
  yaw += delta_yaw;
  pitch = std::clamp(pitch + delta_pitch, -1.5f, 1.5f);
}

void OrbitCamera::zoom(float factor) {
  distance = std::clamp(distance * factor, 0.3f, 40.0f);
}

void OrbitCamera::pan(float dx, float dy) {
  const Vector3 forward = (target - position()).normalized();
  const Vector3 side = forward.cross(Vector3::UnitZ()).normalized();
  const Vector3 up = side.cross(forward);
  const float scale = distance * std::tan(0.5f * field_of_view) * 2.0f;
  target += (-dx * side + dy * up) * scale;
}

}  // namespace lv::app
