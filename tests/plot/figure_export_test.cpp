// Figure export checked from outside: the SVG parses as XML (xmllint, libxml2) and holds one
// trajectory group per run; PNG pixel size = inches × dpi (read from the IHDR chunk, PNG spec
// §11.2.2); the PDF starts with %PDF and declares the page size in points (PDF 1.7 §7.7.3.3);
// failures leave existing files untouched.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>

#include "common/errors.hpp"
#include "expr/expr.hpp"
#include "files/atomic_file.hpp"
#include "optim/registry.hpp"
#include "optim/run_label.hpp"
#include "plot/figure_export.hpp"
#include "plot/subplots.hpp"
#include "process.hpp"
#include "temp_path.hpp"
#include "text_checks.hpp"

using lv::test::count_occurrences;
using lv::test::temp_path;

namespace {

lv::Figure sample_figure(int runs) {
  lv::Figure figure;
  figure.title = "Quadratic <bowl> & friends";  // characters XML must escape
  lv::LandscapePanel landscape;
  landscape.grid = lv::sample_formula(lv::Expr::parse("x^2 + 4*y^2"), -2, 2, -2, 2, 60, 60);
  landscape.label_levels = true;
  for (int k = 0; k < runs; ++k) {
    lv::PlotRun run;
    run.label = "run " + std::to_string(k);
    run.color = lv::run_color(k);
    for (int step = 0; step <= 10; ++step) {
      const double shrink = std::pow(0.7 + 0.05 * k, step);
      run.path.push_back({-1.5 * shrink, 1.5 * shrink});
      run.loss.push_back(11.25 * shrink * shrink);
      run.gradient_norm.push_back(12.4 * shrink);
    }
    figure.runs.push_back(run);
  }
  figure.runs.back().diverged = true;
  figure.runs.back().diverged_step = 10;
  figure.columns = {{1.2, {landscape}}, {1.0, {lv::CurvePanel{lv::CurveQuantity::Loss}}}};
  return figure;
}

uint32_t big_endian(const std::string& bytes, size_t offset) {
  uint32_t value = 0;
  for (size_t k = 0; k < 4; ++k) value = (value << 8) | static_cast<uint8_t>(bytes[offset + k]);
  return value;
}

}  // namespace

TEST_CASE("the SVG is well-formed XML with one trajectory group per run and real text") {
  const std::string path = temp_path("figure.svg");
  lv::save_figure(sample_figure(3), path);
  const auto lint = lv::test::run_process("xmllint --noout " + path);
  CHECK_MESSAGE(lint.exit_code == 0, "xmllint: " << lint.err);
  const std::string svg = lv::test::slurp(path);
  CHECK(count_occurrences(svg, "<g class=\"trajectory\">") == 3);
  CHECK(count_occurrences(svg, "<g class=\"curve\">") == 3);
  CHECK(svg.find(">Quadratic &lt;bowl&gt; &amp; friends</text>") != std::string::npos);
  CHECK(svg.find("width=\"460.8pt\" height=\"345.6pt\"") != std::string::npos);  // 6.4 × 4.8 in
  CHECK(svg.find("run 2 \u2014 diverged at step 10</text>") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("PNG pixel size is inches times dpi") {
  lv::Figure figure = sample_figure(1);
  figure.width_inches = 5.0;
  figure.height_inches = 3.5;
  for (const double dpi : {72.0, 150.0, 203.0}) {
    const std::string png = lv::figure_png(figure, dpi);
    REQUIRE(png.size() > 24);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(big_endian(png, 16) == static_cast<uint32_t>(std::lround(5.0 * dpi)));
    CHECK(big_endian(png, 20) == static_cast<uint32_t>(std::lround(3.5 * dpi)));
  }
}

TEST_CASE("the PDF starts with %PDF and has the page size in points") {
  const std::string pdf = lv::figure_pdf(sample_figure(2));
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("/MediaBox [ 0 0 460.8 345.6 ]") != std::string::npos);
  CHECK(pdf.find("/Font") != std::string::npos);  // text kept as text with an embedded font
}

TEST_CASE("a bad path or a failed render leaves existing files untouched") {
  CHECK_THROWS_WITH_AS(lv::save_figure(sample_figure(1), "/nonexistent-dir/figure.svg"),
                       doctest::Contains("cannot write '/nonexistent-dir/figure.svg'"),
                       lv::InputError);
  CHECK_THROWS_WITH_AS(lv::save_figure(sample_figure(1), temp_path("figure.bmp")),
                       doctest::Contains(".svg, .pdf or .png"), lv::InputError);
  const std::string path = temp_path("keep.png");
  lv::write_file_atomically(path, "previous contents");
  lv::Figure broken = sample_figure(1);
  std::get<lv::LandscapePanel>(broken.columns[0].panels[0]).colormap = "no-such-map";
  CHECK_THROWS_AS(lv::save_figure(broken, path), lv::InputError);
  CHECK(lv::test::slurp(path) == "previous contents");
  lv::Figure tiny = sample_figure(1);
  tiny.width_inches = 0.5;
  CHECK_THROWS_WITH_AS(lv::save_figure(tiny, path), doctest::Contains("too small"), lv::InputError);
  CHECK(lv::test::slurp(path) == "previous contents");
  std::remove(path.c_str());
}

TEST_CASE("a surface with no finite value is an input error") {
  lv::Figure figure = sample_figure(1);
  auto& landscape = std::get<lv::LandscapePanel>(figure.columns[0].panels[0]);
  std::fill(landscape.grid.values.begin(), landscape.grid.values.end(), std::nan(""));
  CHECK_THROWS_WITH_AS(lv::figure_svg(figure), doctest::Contains("no finite value"),
                       lv::InputError);
}

TEST_CASE("run labels name lr and every setting changed from its default") {
  auto optimizer = lv::make_optimizer("sgd");
  CHECK(lv::run_label(*optimizer) == "sgd (lr=0.001)");  // lr is always named, even at its default
  optimizer->hyperparameters().set_from_text("lr", "0.01");
  optimizer->hyperparameters().set_from_text("momentum", "0.9");
  optimizer->hyperparameters().set_from_text("nesterov", "true");
  CHECK(lv::run_label(*optimizer) == "sgd (lr=0.01, momentum=0.9, nesterov=true)");
}

TEST_CASE("a diverged trajectory becomes a run marked diverged at its step") {
  lv::Trajectory trajectory(2);
  lv::Vec point(2);
  point << 1.0, 2.0;
  trajectory.append(point, 5.0, 1.0, 0.0, 0.1, 0);
  trajectory.status = lv::RunStatus::Diverged;
  trajectory.diverged_step = 1;
  const lv::PlotRun run = lv::make_plot_run(trajectory, "sgd", lv::run_color(0));
  CHECK(run.diverged);
  CHECK(run.diverged_step == 1);
  REQUIRE(run.path.size() == 1);
  CHECK(run.path[0] == lv::Point{1.0, 2.0});
  CHECK(lv::legend_label(run) == "sgd \u2014 diverged at step 1");
}

// A loss that goes below zero (f = −1 at the minima of x² − y² + y⁴/4·…) on the default log axis:
// no curve may vanish. Each is drawn as loss − min, with the minimum named in the axis label,
// and the tick labels carry real minus signs where they are negative.
TEST_CASE("a negative loss on a log axis is plotted as loss − min, not dropped") {
  lv::Figure figure;
  for (int k = 0; k < 2; ++k) {
    lv::PlotRun run;
    run.label = "run " + std::to_string(k);
    run.color = lv::run_color(k);
    for (int step = 0; step <= 20; ++step) {
      run.path.push_back({0.1 * step, 0.0});
      run.loss.push_back(-1.0 + 2.0 * std::pow(0.5 + 0.2 * k, step));  // from 1 down toward −1
      run.gradient_norm.push_back(std::pow(0.5, step));
    }
    figure.runs.push_back(run);
  }
  figure.columns = {{1.0, {lv::CurvePanel{lv::CurveQuantity::Loss}}}};
  const std::string svg = lv::figure_svg(figure);
  CHECK(svg.find("loss \u2212 min  (min = \u2212") != std::string::npos);
  CHECK(count_occurrences(svg, "<g class=\"curve\">") == 2);
  // Both curves have points: a path inside each curve group.
  size_t at = 0;
  int drawn = 0;
  while ((at = svg.find("<g class=\"curve\">", at)) != std::string::npos) {
    const size_t end = svg.find("</g>", at);
    drawn += svg.substr(at, end - at).find("<path d=") != std::string::npos ? 1 : 0;
    at = end;
  }
  CHECK(drawn == 2);
  // The log axis labels decades of loss − min (1e-06 … 1), none negative.
  CHECK(svg.find(">1</text>") != std::string::npos);
}
