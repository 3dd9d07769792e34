// A teaching surface: two Gaussian wells of equal depth on a gentle bowl, one narrow (sharp) and
// one wide (flat),
//   f = 0.02(x² + y²) − exp(−|p − c_s|²/(2 sharp_width²)) − exp(−|p − c_f|²/(2 flat_width²)),
// c_s = (−1.5, 0.5), c_f = (1.5, −0.5). Near a centre the Hessian is ≈ I/width², so the sharp
// minimum's curvature is (flat_width/sharp_width)² ≈ 36 times larger: gradient descent with
// lr > 2·sharp_width² cannot settle in it (it oscillates), and a larger lr flings it towards the
// flat one, which is stable up to lr ≈ 2·flat_width² (Keskar et al. 2017,
// "On large-batch training for deep learning: generalization gap and sharp minima", ICLR;
// Hochreiter & Schmidhuber 1997, "Flat minima", Neural Comput. 9:1). The critical points were
// located by Newton iteration on the exact gradient and Hessian (default parameters).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_sharp_flat() {
  TestFunction f;
  f.name = "sharp_flat";
  f.title = "Sharp and flat minima";
  f.description =
      "Two almost equally deep minima, one narrow and one wide: large steps cannot stay in the "
      "narrow "
      "one.";
  f.formula =
      "0.02*(x^2 + y^2) - exp(-((x + 1.5)^2 + (y - 0.5)^2)/(2*sharp_width^2))"
      " - exp(-((x - 1.5)^2 + (y + 0.5)^2)/(2*flat_width^2))";
  f.parameters = {{"sharp_width", 0.15, 0.05, 0.5}, {"flat_width", 0.9, 0.4, 1.5}};
  f.view = {-3.5, 3.5, -3.0, 3.0};
  f.critical_points = {
      {-1.4984765044776143, 0.49949216815920472, -0.95214262479926848, CriticalKind::GlobalMinimum},
      {1.4528556639834183, -0.4842852213278061, -0.95157031713586315, CriticalKind::LocalMinimum},
      {-1.0249782572002517, 0.34165941906675057, 0.0069253519057180923, CriticalKind::Saddle},
  };
  f.start_points = {{-1.2, 0.9}, {-2.5, 2.5}, {0.0, 2.5}};
  f.reference =
      "Keskar et al., ICLR (2017); Hochreiter & Schmidhuber, Neural Comput. 9 (1997); designed for "
      "lossviz";
  return f;
}

}  // namespace lv
