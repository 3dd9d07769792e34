#version 330 core
#define LV_FRAGMENT_SHADER
// 3D view shading: normal from the exact gradient (lv_f_grad) at every fragment, Lambert plus a
// little specular, colormapped, with contour lines on the surface; the floor shows the contours
// projected below the surface.
// @lossviz:formula
// @lossviz:common
in vec2 function_point;
in vec3 world_position;
uniform vec2 u_domain_size;
uniform float u_height_scale;
uniform int u_is_floor;
uniform int u_surface_contours;
uniform vec3 u_camera_position;
uniform vec3 u_floor_color;
out vec4 color;

void main() {
  vec3 gradient = lv_f_grad(function_point);
  float t = lv_scaled(gradient.x);
  if (u_is_floor == 1) {
    float line = lv_contour(t, 1.2);
    vec3 floor_rgb = mix(u_floor_color, lv_colormap(t), 0.9 * line);
#ifdef LV_CONSTRAINTS
    vec2 boundary = lv_constraints(function_point, 2.0);
    floor_rgb = mix(floor_rgb, vec3(0.04), 0.35 * boundary.x);
    floor_rgb = mix(floor_rgb, vec3(1.0), 0.85 * boundary.y);
#endif
    color = vec4(floor_rgb, 1.0);
    return;
  }
  // Height H = scaled(f) * height_scale over world coordinates w = 2 (p - min) / size - 1, so
  // dH/dw = scaled'(f) * grad f * size / 2 * height_scale.
  float slope_scale = (t > 1.0 ? 0.0 : lv_scaled_derivative(gradient.x)) * u_height_scale;
  vec2 slope = gradient.yz * 0.5 * u_domain_size * slope_scale;
  vec3 normal = normalize(vec3(-slope, 1.0));
  if (!gl_FrontFacing) normal = -normal;
  vec3 light = normalize(vec3(0.4, -0.5, 0.9));
  vec3 view = normalize(u_camera_position - world_position);
  float diffuse = max(dot(normal, light), 0.0);
  float specular = pow(max(dot(reflect(-light, normal), view), 0.0), 32.0);
  vec3 base = lv_surface_color(function_point, t);
  vec3 rgb = base * (0.35 + 0.65 * diffuse) + 0.15 * specular;
  if (u_surface_contours == 1) rgb = mix(rgb, vec3(0.0), 0.5 * lv_contour(t, 1.2));
#ifdef LV_CONSTRAINTS
  // As in 2D: the infeasible part of the surface darkened and hatched, boundaries in white.
  vec2 constraint = lv_constraints(function_point, 2.5);
  float stripe = step(0.5, fract((gl_FragCoord.x - gl_FragCoord.y) / 10.0));
  rgb = mix(rgb, vec3(0.04), constraint.x * (0.4 + 0.25 * stripe));
  rgb = mix(rgb, vec3(1.0), 0.9 * constraint.y);
#endif
  color = vec4(rgb, 1.0);
}
