#include "plot/figure.hpp"

namespace lv {

PlotRun make_plot_run(const Trajectory& trajectory, std::string label, Color color) {
  PlotRun run;
  run.label = std::move(label);
  run.color = color;
  for (int row = 0; row < trajectory.size(); ++row) {
    const auto x = trajectory.x(row);
    run.path.push_back({x[0], trajectory.dim() > 1 ? x[1] : 0.0});
  }
  run.loss = trajectory.loss;
  run.gradient_norm = trajectory.gradient_norm;
  run.diverged = trajectory.status == RunStatus::Diverged;
  run.diverged_step = trajectory.diverged_step;
  return run;
}

Color run_color(int index) {
  // Orange, sky blue, reddish purple, near-black, blue, vermilion, bluish green, grey: hues that
  // stay visible over the dark and the light ends of the sequential colormaps.
  static const Color k_cycle[] = {{0.90, 0.38, 0.00, 1.0}, {0.34, 0.71, 0.91, 1.0},
                                  {0.80, 0.47, 0.65, 1.0}, {0.12, 0.12, 0.12, 1.0},
                                  {0.00, 0.45, 0.70, 1.0}, {0.84, 0.37, 0.00, 1.0},
                                  {0.00, 0.62, 0.45, 1.0}, {0.55, 0.55, 0.55, 1.0}};
  constexpr int count = sizeof k_cycle / sizeof k_cycle[0];
  return k_cycle[((index % count) + count) % count];
}

}  // namespace lv
