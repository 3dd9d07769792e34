// Uniform values gathered before a draw: set on a program in one go, and compared between frames,
// so a cached picture is redrawn exactly when a value it was drawn with changed.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "render/shader.hpp"

namespace lv::app {

class UniformValues {
 public:
  void set(const std::string& name, int value);
  void set(const std::string& name, float value);
  void set(const std::string& name, float x, float y);
  void set(const std::string& name, float x, float y, float z);
  void set_matrix(const std::string& name, const float* column_major);

  // Sets every value on `program` (which must be in use).
  void apply(ShaderProgram& program) const;

  bool operator==(const UniformValues& other) const = default;

 private:
  enum class Kind { Integer, Float, Vector2, Vector3, Matrix4 };
  struct Uniform {
    std::string name;
    Kind kind = Kind::Float;
    int integer = 0;
    std::array<float, 16> numbers{};
    bool operator==(const Uniform& other) const = default;
  };

  std::vector<Uniform> uniforms_;
};

}  // namespace lv::app
