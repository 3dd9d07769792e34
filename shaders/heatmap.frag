#version 330 core
#define LV_FRAGMENT_SHADER
// 2D view: the formula evaluated per pixel (exact at any zoom: no texture in between), colormapped,
// with contour lines and optional gradient-field arrows.
// @lossviz:formula
// @lossviz:common
uniform vec2 u_viewport_origin;  // pixels
uniform vec2 u_viewport_size;    // pixels
uniform vec2 u_center;           // function coordinates at the viewport center
uniform float u_units_per_pixel;
uniform float u_arrow_spacing;   // pixels between arrow centers
out vec4 color;

vec2 to_world(vec2 pixel) {
  return u_center + (pixel - u_viewport_origin - 0.5 * u_viewport_size) * u_units_per_pixel;
}

float segment_distance(vec2 q, vec2 a, vec2 b) {
  vec2 ab = b - a;
  float h = clamp(dot(q - a, ab) / dot(ab, ab), 0.0, 1.0);
  return length(q - a - h * ab);
}

// Coverage of a descent arrow (along -grad) in the arrow cell holding this pixel.
float arrow_coverage(vec2 pixel) {
  vec2 cell_center = (floor((pixel - u_viewport_origin) / u_arrow_spacing) + 0.5) * u_arrow_spacing +
                     u_viewport_origin;
  vec2 gradient = lv_f_grad(to_world(cell_center)).yz;
  float magnitude = length(gradient);
  if (!(magnitude > 0.0) || isinf(magnitude)) return 0.0;
  vec2 direction = -gradient / magnitude;
  float half_length = 0.36 * u_arrow_spacing;
  vec2 tail = cell_center - direction * half_length;
  vec2 tip = cell_center + direction * half_length;
  vec2 side = vec2(-direction.y, direction.x);
  float head = 0.3 * half_length;
  float distance = min(segment_distance(pixel, tail, tip),
                       min(segment_distance(pixel, tip, tip - direction * head + side * head * 0.6),
                           segment_distance(pixel, tip, tip - direction * head - side * head * 0.6)));
  float half_width = 0.75 * u_line_scale;
  return 1.0 - smoothstep(half_width - 0.5, half_width + 0.5, distance);
}

void main() {
  vec2 p = to_world(gl_FragCoord.xy);
#ifdef LV_HEIGHTFIELD
  if (lv_heightfield_outside(p)) {  // no values there (a formula is defined everywhere)
    color = vec4(vec3(0.5), 1.0);
    return;
  }
#endif
  float f = lv_f(p);
  float t = lv_scaled(f);
  vec3 rgb = lv_surface_color(p, t);
  rgb = mix(rgb, vec3(0.0), 0.55 * lv_contour(t, 1.2));
#ifdef LV_CONSTRAINTS
  // Infeasible points darkened and hatched, every constraint's boundary as a white line.
  vec2 constraint = lv_constraints(p, 2.5 * u_line_scale);
  float stripe = step(0.5, fract((gl_FragCoord.x - gl_FragCoord.y) / (10.0 * u_line_scale)));
  rgb = mix(rgb, vec3(0.04), constraint.x * (0.4 + 0.25 * stripe));
  rgb = mix(rgb, vec3(1.0), 0.9 * constraint.y);
#endif
#ifdef LV_ARROWS
  rgb = mix(rgb, vec3(1.0), 0.85 * arrow_coverage(gl_FragCoord.xy));
#endif
  color = vec4(rgb, 1.0);
}
