#version 330 core
// Anti-aliased edge of a line quad or a round marker (white rim around the color).
in vec4 line_color;
in vec2 quad_coordinate;
in float half_width_px;
flat in int is_marker;
out vec4 color;

void main() {
  float radius = is_marker == 1 ? length(quad_coordinate) : abs(quad_coordinate.x);
  float distance_px = (1.0 - radius) * half_width_px;  // pixels inside the edge
  float coverage = clamp(distance_px, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  vec3 rgb = line_color.rgb;
  if (is_marker == 1 && distance_px < 0.22 * half_width_px) rgb = vec3(1.0);
  color = vec4(rgb, line_color.a * coverage);
}
