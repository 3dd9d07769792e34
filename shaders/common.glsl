// Shared by every formula shader: value scaling, colormap lookup and anti-aliased contour lines.
uniform sampler2D u_colormap;   // 256 x 1 RGB lookup table: lv::colormap_table (plot/colormap)
uniform sampler2D u_diverging;  // diverging table for curvature coloring
uniform float u_value_min;      // value mapped to the bottom of the colormap
uniform float u_value_max;      // value mapped to the top
uniform int u_log_scale;        // 1: log(1 + (f - min) / unit) scale
uniform float u_contour_count;  // contour lines over the scaled range (0: none)
uniform float u_line_scale;     // DPI x presentation factor for line widths
uniform float u_curvature_range;  // |lambda_min| mapped to the ends of the diverging table

float lv_log_unit() { return max((u_value_max - u_value_min) * 1e-4, 1e-30); }

// The value on a 0..1 scale (unclamped, so contours continue past the color range).
float lv_scaled(float f) {
  float span = max(u_value_max - u_value_min, 1e-30);
  if (u_log_scale == 1) {
    float unit = lv_log_unit();
    return log(1.0 + max(f - u_value_min, 0.0) / unit) / log(1.0 + span / unit);
  }
  return (f - u_value_min) / span;
}

// d(scaled)/df, for surface normals.
float lv_scaled_derivative(float f) {
  float span = max(u_value_max - u_value_min, 1e-30);
  if (u_log_scale == 1) {
    float unit = lv_log_unit();
    if (f < u_value_min) return 0.0;
    return 1.0 / ((unit + f - u_value_min) * log(1.0 + span / unit));
  }
  return 1.0 / span;
}

vec3 lv_colormap(float t) {
  if (!(t == t)) return vec3(0.5);  // NaN: neutral grey
  return texture(u_colormap, vec2(clamp(t, 0.0, 1.0) * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
}

vec3 lv_diverging(float t) {
  return texture(u_diverging, vec2(clamp(t, 0.0, 1.0) * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
}

// Smallest Hessian eigenvalue of the 2x2 symmetric matrix (hxx, hxy, hyy), closed form.
float lv_min_eigenvalue(vec3 h) {
  float mean = 0.5 * (h.x + h.z);
  float radius = sqrt(0.25 * (h.x - h.z) * (h.x - h.z) + h.y * h.y);
  return mean - radius;
}

// Surface color at p: the colormap of the scaled value, or (LV_CURVATURE_COLORS) the diverging
// map of lambda_min. Options are compile-time: software rasterizers evaluate both sides of a
// branch, so a runtime switch would pay for the Hessian on every pixel.
vec3 lv_surface_color(vec2 p, float t) {
#ifdef LV_CURVATURE_COLORS
  float lambda = lv_min_eigenvalue(lv_f_jet(p).h);
  return lv_diverging(0.5 + 0.5 * lambda / max(u_curvature_range, 1e-30));
#else
  return lv_colormap(t);
#endif
}

#ifdef LV_FRAGMENT_SHADER
// Coverage (0..1) of the contour line nearest to scaled value t: distance to the nearest level in
// pixels via fwidth, so lines stay one width at any zoom; lines fade where levels crowd.
float lv_contour(float t, float width_px) {
  if (u_contour_count <= 0.0 || !(t == t)) return 0.0;
  float level = t * u_contour_count;
  float per_pixel = fwidth(level);
  float distance_px = abs(fract(level + 0.5) - 0.5) / max(per_pixel, 1e-8);
  float half_width = 0.5 * width_px * u_line_scale;
  float coverage = 1.0 - smoothstep(half_width - 0.5, half_width + 0.5, distance_px);
  return coverage * (1.0 - smoothstep(0.25, 0.5, per_pixel));
}
#endif
