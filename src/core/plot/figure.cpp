#include "plot/figure.hpp"

#include "plot/palette.hpp"

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
  const Rgb color = palette_color(index);  // the window's palette: the same runs, the same colors
  return {color.r, color.g, color.b, 1.0};
}

}  // namespace lv
