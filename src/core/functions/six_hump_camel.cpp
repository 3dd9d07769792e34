// Six-hump camel function, Dixon & Szegö (1978), "The global optimization problem: an
// introduction", Towards Global Optimisation 2, North-Holland: f = (4 − 2.1x² + x⁴/3)x² + xy +
// (−4 + 4y²)y². Two global minima f = −1.0316 at (0.0898, −0.7126) and (−0.0898, 0.7126)
// (Jamil & Yang 2013; Surjanovic & Bingham, VLSE, "Six-hump camel function"). The sources
// count four further local minima but print no coordinates: those and the seven saddles were
// located by Newton iteration on the exact gradient and Hessian (f(−x, −y) = f(x, y),
// so they come in pairs, except the saddle at the origin).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_six_hump_camel() {
  TestFunction f;
  f.name = "six_hump_camel";
  f.title = "Six-hump camel";
  f.description = "Six valleys, the two deepest equally deep: a map of basins of attraction.";
  f.formula = "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2";
  f.view = {-2.2, 2.2, -1.2, 1.2};
  f.critical_points = {
      {0.089842013100318058, -0.71265640302073963, -1.0316284534898774,
       CriticalKind::GlobalMinimum},  // (0.0898, −0.7126)
      {-0.089842013100318058, 0.71265640302073963, -1.0316284534898774,
       CriticalKind::GlobalMinimum},  // (−0.0898, 0.7126)
      // computed:
      {1.703606714969981, -0.7960835686726252, -0.21546382438371969, CriticalKind::LocalMinimum},
      {-1.703606714969981, 0.7960835686726252, -0.21546382438371969, CriticalKind::LocalMinimum},
      {1.6071047529201974, 0.56865145488413138, 2.1042503103112598, CriticalKind::LocalMinimum},
      {-1.6071047529201974, -0.56865145488413138, 2.1042503103112598, CriticalKind::LocalMinimum},
      {0.0, 0.0, 0.0, CriticalKind::Saddle},
      {1.1092053368047863, -0.76826809250953976, 0.54371860097818514, CriticalKind::Saddle},
      {-1.1092053368047863, 0.76826809250953976, 0.54371860097818514, CriticalKind::Saddle},
      {1.2960702671671087, 0.6050843880386586, 2.2294708180298599, CriticalKind::Saddle},
      {-1.2960702671671087, -0.6050843880386586, 2.2294708180298599, CriticalKind::Saddle},
      {1.6380679841897789, 0.22867406904439413, 2.2293571975307143, CriticalKind::Saddle},
      {-1.6380679841897789, -0.22867406904439413, 2.2293571975307143, CriticalKind::Saddle},
  };
  f.start_points = {{0.5, 0.0}, {-1.9, -1.0}, {1.9, 1.0}, {-1.0, 0.9}};
  f.reference =
      "Dixon & Szego, Towards Global Optimisation 2 (1978); Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
