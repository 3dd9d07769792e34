// Figure building costs: sampling a surface with the batched evaluator, marching squares, and a
// whole landscape figure rendered to SVG and to PNG. Target: a default figure (240² samples,
// 12 levels) renders in well under a second, so `lossviz-cli plot` feels instant.
#include <benchmark/benchmark.h>

#include "expr/expr.hpp"
#include "plot/figure_export.hpp"
#include "plot/marching_squares.hpp"
#include "plot/value_scale.hpp"

namespace {

const lv::Expr& rosenbrock() {
  static const lv::Expr expr = lv::Expr::parse("(1 - x)^2 + 100*(y - x^2)^2");
  return expr;
}

void sample_surface(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(lv::sample_formula(rosenbrock(), -2, 2, -1, 3, n, n));
  state.SetItemsProcessed(state.iterations() * n * n);
}
BENCHMARK(sample_surface)->Arg(240)->Arg(1000);

void contour_levels(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const lv::SampledGrid grid = lv::sample_formula(rosenbrock(), -2, 2, -1, 3, n, n);
  const auto [low, high] = grid.finite_range();
  const std::vector<double> levels = lv::ValueScale::logarithmic(low, high).levels(14);
  for (auto _ : state) {
    for (double level : levels) benchmark::DoNotOptimize(lv::contour_lines(grid, level));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(levels.size()) * n * n);
}
BENCHMARK(contour_levels)->Arg(240)->Arg(1000);

lv::Figure landscape_figure() {
  lv::Figure figure;
  lv::LandscapePanel landscape;
  landscape.grid = lv::sample_formula(rosenbrock(), -2, 2, -1, 3, 240, 240);
  landscape.log_scale = true;
  figure.columns = {{1.0, {landscape}}};
  return figure;
}

void render_svg(benchmark::State& state) {
  const lv::Figure figure = landscape_figure();
  for (auto _ : state) benchmark::DoNotOptimize(lv::figure_svg(figure));
}
BENCHMARK(render_svg)->Unit(benchmark::kMillisecond);

void render_png_150dpi(benchmark::State& state) {
  const lv::Figure figure = landscape_figure();
  for (auto _ : state) benchmark::DoNotOptimize(lv::figure_png(figure, 150.0));
}
BENCHMARK(render_png_150dpi)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
