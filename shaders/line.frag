#version 330 core
// Anti-aliased edge of a line quad, a round marker (white rim around the color) or a ring (a
// marker with a hole: white rims on both sides of a colored band).
in vec4 line_color;
in vec2 quad_coordinate;
in float half_width_px;
flat in int is_marker;  // 0 line, 1 marker, 2 ring
out vec4 color;

void main() {
  float radius = is_marker >= 1 ? length(quad_coordinate) : abs(quad_coordinate.x);
  float distance_px = (1.0 - radius) * half_width_px;  // pixels inside the edge
  if (is_marker == 2) {  // the band between 45% and 100% of the radius
    distance_px = min(distance_px, (radius - 0.45) * half_width_px);
  }
  float coverage = clamp(distance_px, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  vec3 rgb = line_color.rgb;
  if (is_marker == 1 && distance_px < 0.22 * half_width_px) rgb = vec3(1.0);
  if (is_marker == 2 && distance_px < 0.12 * half_width_px) rgb = vec3(1.0);
  color = vec4(rgb, line_color.a * coverage);
}
