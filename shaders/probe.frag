#version 330 core
// GPU-vs-CPU check: pixel i of row 0 gets (f, df/dx, df/dy) at point i, row 1 the Hessian
// (hxx, hxy, hyy) from lv_f_jet, rendered into a float framebuffer.
// @lossviz:formula
uniform vec2 u_points[64];
out vec4 color;

void main() {
  int index = int(gl_FragCoord.x);
  vec2 p = u_points[index];
  if (int(gl_FragCoord.y) == 0) {
    color = vec4(lv_f_grad(p), lv_f(p));
  } else {
    color = vec4(lv_f_jet(p).h, lv_f_jet(p).v);
  }
}
