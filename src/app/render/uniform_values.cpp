#include "render/uniform_values.hpp"

#include <algorithm>

namespace lv::app {

void UniformValues::set(const std::string& name, int value) {
  uniforms_.push_back({name, Kind::Integer, value, {}});
}

void UniformValues::set(const std::string& name, float value) {
  uniforms_.push_back({name, Kind::Float, 0, {value}});
}

void UniformValues::set(const std::string& name, float x, float y) {
  uniforms_.push_back({name, Kind::Vector2, 0, {x, y}});
}

void UniformValues::set(const std::string& name, float x, float y, float z) {
  uniforms_.push_back({name, Kind::Vector3, 0, {x, y, z}});
}

void UniformValues::set_matrix(const std::string& name, const float* column_major) {
  Uniform uniform{name, Kind::Matrix4, 0, {}};
  std::copy_n(column_major, 16, uniform.numbers.begin());
  uniforms_.push_back(uniform);
}

void UniformValues::apply(ShaderProgram& program) const {
  for (const Uniform& uniform : uniforms_) {
    const std::array<float, 16>& n = uniform.numbers;
    switch (uniform.kind) {
      case Kind::Integer:
        program.set(uniform.name, uniform.integer);
        break;
      case Kind::Float:
        program.set(uniform.name, n[0]);
        break;
      case Kind::Vector2:
        program.set(uniform.name, n[0], n[1]);
        break;
      case Kind::Vector3:
        program.set(uniform.name, n[0], n[1], n[2]);
        break;
      case Kind::Matrix4:
        program.set_matrix(uniform.name, n.data());
        break;
    }
  }
}

}  // namespace lv::app
