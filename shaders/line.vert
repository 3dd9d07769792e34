#version 330 core
// Lines and markers as screen-space quads (core profile ignores wide lines): each vertex carries
// both segment ends; the quad is built in screen space after projection, so widths are in pixels
// and depth stays that of the line (depth-correct in 3D).
layout(location = 0) in vec3 end_a;
layout(location = 1) in vec3 end_b;
layout(location = 2) in vec3 corner;  // (along 0|1, side -1|1, line 0 | marker 1 | ring 2)
layout(location = 3) in vec4 vertex_color;
layout(location = 4) in vec2 width_and_step;  // width in pixels (before scaling), step index
uniform mat4 u_transform;
uniform vec2 u_viewport_size;
uniform float u_line_scale;
uniform float u_current_step;  // draw steps <= this (negative: no limit)
uniform float u_tail_steps;    // steps behind the current one drawn bright
uniform float u_depth_bias;    // pulls lines towards the camera (NDC z)
out vec4 line_color;
out vec2 quad_coordinate;  // along the width: -1..1 (x); markers: both
out float half_width_px;
flat out int is_marker;

void main() {
  vec4 clip_a = u_transform * vec4(end_a, 1.0);
  vec4 clip_b = u_transform * vec4(end_b, 1.0);
  float width = width_and_step.x * u_line_scale + 1.0;  // +1: room for the anti-aliased edge
  half_width_px = 0.5 * width;
  line_color = vertex_color;
  is_marker = int(corner.z);
  float step_index = width_and_step.y;
  if (u_current_step >= 0.0 && step_index > u_current_step) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // not reached yet: outside the clip volume
    return;
  }
  if (u_current_step >= 0.0 && u_tail_steps > 0.0) {
    float age = u_current_step - step_index;
    line_color.a *= mix(1.0, 0.35, smoothstep(0.0, u_tail_steps, age));
  }
  vec4 clip = corner.x < 0.5 ? clip_a : clip_b;
  vec2 offset_px;
  if (is_marker >= 1) {
    offset_px = vec2(corner.x * 2.0 - 1.0, corner.y) * half_width_px;
    quad_coordinate = vec2(corner.x * 2.0 - 1.0, corner.y);
  } else {
    vec2 screen_a = clip_a.xy / clip_a.w * 0.5 * u_viewport_size;
    vec2 screen_b = clip_b.xy / clip_b.w * 0.5 * u_viewport_size;
    vec2 direction = screen_b - screen_a;
    direction = length(direction) > 1e-6 ? normalize(direction) : vec2(1.0, 0.0);
    vec2 normal = vec2(-direction.y, direction.x);
    // Extend by half a width at both ends so consecutive segments join without gaps.
    float along = corner.x < 0.5 ? -1.0 : 1.0;
    offset_px = normal * corner.y * half_width_px + direction * along * 0.5 * half_width_px;
    quad_coordinate = vec2(corner.y, 0.0);
  }
  clip.xy += offset_px / (0.5 * u_viewport_size) * clip.w;
  clip.z -= u_depth_bias * clip.w;
  gl_Position = clip;
}
