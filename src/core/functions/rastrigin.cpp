// Rastrigin's function (Rastrigin 1974, "Systems of extremal control", Nauka; 2-D form as in
// Mühlenbein, Schomisch & Born 1991, Parallel Computing 17:619): f = 2A + Σ (xᵢ² − A cos 2πxᵢ).
// Global minimum f(0, 0) = 0 (Jamil & Yang 2013; Surjanovic & Bingham, VLSE, "Rastrigin function").
// Local minima sit near every integer point; the four nearest are listed for A = 10 (computed by
// Newton iteration on the exact gradient: each is the 1-D minimum of t² − A cos 2πt near ±1).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_rastrigin() {
  TestFunction f;
  f.name = "rastrigin";
  f.title = "Rastrigin's function";
  f.description =
      "A bowl covered in a regular egg-crate of local minima: local methods get stuck in the "
      "nearest one.";
  f.formula = "2*A + x^2 - A*cos(2*pi*x) + y^2 - A*cos(2*pi*y)";
  f.parameters = {{"A", 10.0, 0.0, 20.0}};
  f.view = {-5.12, 5.12, -5.12, 5.12};
  f.critical_points = {
      {0.0, 0.0, 0.0, CriticalKind::GlobalMinimum},
      {0.99495863765233483, 0.0, 0.99495905709329158, CriticalKind::LocalMinimum},
      {-0.99495863765233483, 0.0, 0.99495905709329158, CriticalKind::LocalMinimum},
      {0.0, 0.99495863765233483, 0.99495905709329158, CriticalKind::LocalMinimum},
      {0.0, -0.99495863765233483, 0.99495905709329158, CriticalKind::LocalMinimum},
  };
  f.start_points = {{-3.3, 2.7}, {4.2, -4.4}, {0.4, 0.45}};
  f.reference =
      "Rastrigin (1974); Muhlenbein et al., Parallel Computing 17 (1991); Jamil & Yang (2013)";
  return f;
}

}  // namespace lv
