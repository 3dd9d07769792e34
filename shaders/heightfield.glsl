// Heightfield mode: the "formula" of heatmap.frag / surface.vert / surface.frag is a texture of
// values on a grid (a loss landscape computed on the CPU), bilinearly interpolated, with the
// gradient from central differences one grid step wide. heatmap.frag paints outside the grid grey.
uniform sampler2D u_heightfield;  // R32F; texel (i, j) holds the value at (x_i, y_j)
uniform vec2 u_heightfield_min;   // (x_0, y_0)
uniform vec2 u_heightfield_size;  // (x_last - x_0, y_last - y_0)

float lv_heightfield_at(vec2 unit) {
  vec2 texels = vec2(textureSize(u_heightfield, 0));
  vec2 uv = (clamp(unit, 0.0, 1.0) * (texels - 1.0) + 0.5) / texels;
  return texture(u_heightfield, uv).r;
}

#define LV_HEIGHTFIELD
bool lv_heightfield_outside(vec2 p) {
  vec2 unit = (p - u_heightfield_min) / u_heightfield_size;
  return any(lessThan(unit, vec2(-1e-4))) || any(greaterThan(unit, vec2(1.0 + 1e-4)));
}

float lv_f(vec2 p) {
  return lv_heightfield_at((p - u_heightfield_min) / u_heightfield_size);
}

// (f, df/dx, df/dy), the layout of the generated formulas' lv_f_grad.
vec3 lv_f_grad(vec2 p) {
  vec2 unit = (p - u_heightfield_min) / u_heightfield_size;
  vec2 step = 1.0 / max(vec2(textureSize(u_heightfield, 0)) - 1.0, vec2(1.0));
  float dx = lv_heightfield_at(unit + vec2(step.x, 0.0)) - lv_heightfield_at(unit - vec2(step.x, 0.0));
  float dy = lv_heightfield_at(unit + vec2(0.0, step.y)) - lv_heightfield_at(unit - vec2(0.0, step.y));
  return vec3(lv_f(p), dx / (2.0 * step.x * u_heightfield_size.x),
              dy / (2.0 * step.y * u_heightfield_size.y));
}
