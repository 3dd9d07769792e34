#version 330 core
// 3D view: a grid over the domain displaced by the formula's scaled value.
// @lossviz:formula
// @lossviz:common
layout(location = 0) in vec2 grid_uv;  // 0..1 over the domain
uniform vec2 u_domain_min;
uniform vec2 u_domain_size;
uniform float u_height_scale;
uniform float u_floor_height;
uniform int u_is_floor;
uniform mat4 u_view_projection;
out vec2 function_point;
out vec3 world_position;

void main() {
  vec2 p = u_domain_min + grid_uv * u_domain_size;
  float height = u_floor_height;
  if (u_is_floor == 0) height = clamp(lv_scaled(lv_f(p)), 0.0, 1.0) * u_height_scale;
  if (!(height == height)) height = u_height_scale;
  world_position = vec3(grid_uv * 2.0 - 1.0, height);
  function_point = p;
  gl_Position = u_view_projection * vec4(world_position, 1.0);
}
