// GUI tests: lossviz runs under xvfb-run (Mesa's software GL) and writes screenshots; the checks
// look at pixels of the picture area, which the app reports with --layout-out (right of the 380 px
// control panel, below the lesson text, above the 210 px plots at --size 1280x720, inside the
// axes' margins). The GPU probe compares the shader's f, gradient and Hessian with lv::Expr.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "expr/expr.hpp"
#include "gui_process.hpp"
#include "io/surface_file.hpp"
#include "nn/surface_evaluator.hpp"
#include "process.hpp"

namespace {

using lv::test::gui;
using lv::test::Image;
using lv::test::load_png;
using lv::test::temporary;

// The picture area of the last screenshot (the layout's "scene" rectangle), and its layout.
int k_left = 400, k_right = 1260, k_top = 60, k_bottom = 490;
nlohmann::json g_layout;

// Reads the layout lossviz reported (--layout-out) and makes its picture area the one checked.
void use_layout(const std::string& layout_path) {
  std::ifstream layout_file(layout_path);
  g_layout = nlohmann::json::parse(layout_file);
  std::remove(layout_path.c_str());
  const auto& scene = g_layout.at("scene");
  k_left = static_cast<int>(std::ceil(scene[0].get<double>()));
  k_top = static_cast<int>(std::ceil(scene[1].get<double>()));
  k_right = static_cast<int>(scene[0].get<double>() + scene[2].get<double>());
  k_bottom = static_cast<int>(scene[1].get<double>() + scene[3].get<double>());
}

// Runs lossviz in screenshot mode and returns the picture; the picture area and the layout are
// those of this screenshot.
Image screenshot(const std::string& name, const std::string& arguments) {
  const std::string path = temporary(name + ".png");
  const std::string layout_path = temporary(name + ".layout.json");
  const lv::test::ProcessResult result =
      lv::test::run_process(gui("--size 1280x720 --frames 40 --screenshot " + path +
                                " --layout-out " + layout_path + " " + arguments));
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  Image image = load_png(path);
  std::remove(path.c_str());
  use_layout(layout_path);
  return image;
}

// The window pixel of function point (x, y) in the last 2D screenshot.
std::pair<double, double> pixel_of(double x, double y) {
  const auto& view = g_layout.at("view2d");
  const auto& scene = g_layout.at("scene");
  const double units = view.at("units_per_pixel").get<double>();
  const double center_x = view.at("center")[0].get<double>();
  const double center_y = view.at("center")[1].get<double>();
  return {scene[0].get<double>() + 0.5 * scene[2].get<double>() + (x - center_x) / units,
          scene[1].get<double>() + 0.5 * scene[3].get<double>() - (y - center_y) / units};
}

template <typename Predicate>
double fraction_of_picture(const Image& image, Predicate predicate) {
  long hits = 0, total = 0;
  for (int y = k_top; y < k_bottom; y += 2) {
    for (int x = k_left; x < k_right; x += 2) {
      hits += predicate(image.at(x, y)) ? 1 : 0;
      ++total;
    }
  }
  return static_cast<double>(hits) / static_cast<double>(total);
}

long count_in_picture(const Image& image, bool (*predicate)(const unsigned char*)) {
  long hits = 0;
  for (int y = k_top; y < k_bottom; ++y) {
    for (int x = k_left; x < k_right; ++x) hits += predicate(image.at(x, y)) ? 1 : 0;
  }
  return hits;
}

double mean_difference(const Image& a, const Image& b) {
  double sum = 0.0;
  long count = 0;
  for (int y = k_top; y < k_bottom; ++y) {
    for (int x = k_left; x < k_right; ++x) {
      for (int c = 0; c < 3; ++c) sum += std::abs(a.at(x, y)[c] - b.at(x, y)[c]);
      ++count;
    }
  }
  return sum / (3.0 * static_cast<double>(count));
}

bool is_magenta(const unsigned char* p) {
  return p[0] > 200 && p[1] < 70 && p[2] > 200;
}

// Saturated (not grey): the colormap, not the dark background or a grey placeholder.
bool is_colored(const unsigned char* p) {
  const int high = std::max({p[0], p[1], p[2]}), low = std::min({p[0], p[1], p[2]});
  return high - low > 40;
}

const std::string k_scene =
    std::string("--scene ") + LOSSVIZ_GUI_TEST_DATA_DIR + "/magenta_sgd.json";

}  // namespace

TEST_CASE("the 2D view colors the surface and draws the optimizer's trajectory in its color") {
  const Image image = screenshot("2d", k_scene + " --view 2d");
  CHECK(image.width == 1280);
  CHECK(image.height == 720);
  CHECK(fraction_of_picture(image, is_colored) > 0.8);
  // The magenta path: a few hundred pixels (a 2.5 px line over a visible distance + marker).
  CHECK(count_in_picture(image, is_magenta) > 200);
}

TEST_CASE("the 3D view differs from the 2D view and also shows the trajectory") {
  const Image flat = screenshot("flat", k_scene + " --view 2d");
  const Image surface = screenshot("surface", k_scene + " --view 3d");
  CHECK(mean_difference(flat, surface) > 20.0);
  CHECK(fraction_of_picture(surface, is_colored) > 0.12);  // the surface, its floor, the box
  CHECK(count_in_picture(surface, is_magenta) > 50);
}

TEST_CASE("a formula that fails to parse keeps the last good picture; a valid edit changes it") {
  const Image before = screenshot("before", k_scene);
  const Image broken = screenshot("broken", k_scene + " --then-formula \"(1 - x)^2 +* y\"");
  CHECK(mean_difference(before, broken) < 1.0);
  const Image edited = screenshot("edited", k_scene + " --then-formula \"x^2 + 3*y^2\"");
  CHECK(mean_difference(before, edited) > 10.0);
}

TEST_CASE("a scene naming unknown optimizers reports them and still shows the rest") {
  const std::string path = temporary("unknown.png");
  const std::string layout_path = temporary("unknown.layout.json");
  const lv::test::ProcessResult result = lv::test::run_process(
      gui("--size 1280x720 --frames 40 --screenshot " + path + " --layout-out " + layout_path +
          " --scene " + LOSSVIZ_GUI_TEST_DATA_DIR + "/unknown_names.json"));
  REQUIRE(result.exit_code == 0);
  use_layout(layout_path);
  CHECK(result.err.find("unknown optimizer 'adamw_not_here'") != std::string::npos);
  CHECK(result.err.find("unknown schedule 'no_such_schedule'") != std::string::npos);
  const Image image = load_png(path);
  std::remove(path.c_str());
  CHECK(count_in_picture(image, is_magenta) > 20);  // the sgd run is there (marker, bright tail)
}

TEST_CASE("bad command lines exit 2 with a message naming the flag") {
  const lv::test::ProcessResult result = lv::test::run_process(gui("--size 12by7"));
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--size") != std::string::npos);
  const lv::test::ProcessResult demo = lv::test::run_process(gui("--network-demo=sideways"));
  CHECK(demo.exit_code == 2);
  CHECK(demo.err.find("--network-demo: expected pca, random or hessian") != std::string::npos);
}

// The generated GLSL evaluated on the GPU (float32) against the CPU's double-precision lv::Expr:
// value, gradient and Hessian at points chosen away from kinks.
TEST_CASE("GPU-evaluated formulas agree with lv::Expr (value, gradient, Hessian)") {
  struct Case {
    std::string formula;
    std::vector<lv::FormulaParameter> parameters;
  };
  const std::vector<Case> cases = {
      {"(a - x)^2 + b*(y - x^2)^2", {{"a", 1.0, 0, 2}, {"b", 100.0, 1, 200}}},
      {"sin(x)*cos(y) + exp(-x^2 - 0.5*y^2)", {}},
      {"softplus(x - y) + sigmoid(x*y) + tanh(0.7*x)", {}},
      {"sqrt(x^2 + y^2 + 1) + log(1 + x^2) + atan2(y, x + 3)", {}},
      {"max(x, y) + min(x^2, y) + abs(x - 0.3) + x^3 - 3*x*y^2", {}},
      {"pow(x^2 + 1, 0.5*y) + 1/(2 + cos(x*y)) - 2^x", {}},
  };
  const std::vector<std::pair<double, double>> points = {{-1.5, 2.0},  {0.25, -0.75}, {1.1, 0.4},
                                                         {-0.6, -1.3}, {1.9, 1.7},    {-2.2, 0.9}};
  std::string point_text;
  for (const auto& [x, y] : points) {
    point_text += (point_text.empty() ? "" : ";") + std::to_string(x) + "," + std::to_string(y);
  }
  for (const Case& test : cases) {
    CAPTURE(test.formula);
    const std::string out = temporary("probe.txt");
    std::string parameters;
    for (const auto& parameter : test.parameters) {
      parameters += " --param " + parameter.name + "=" + std::to_string(parameter.value);
    }
    const lv::test::ProcessResult result =
        lv::test::run_process(gui("--probe \"" + test.formula + "\"" + parameters +
                                  " --probe-points \"" + point_text + "\" --probe-out " + out));
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    std::istringstream lines(lv::test::slurp(out));
    std::remove(out.c_str());
    const lv::Expr expr = lv::Expr::parse(test.formula, test.parameters);
    for (const auto& [x, y] : points) {
      lv::Vec point(2), gradient(2);
      point << x, y;
      lv::Mat hessian(2, 2);
      const double value = expr.value_gradient_hessian(point, gradient, hessian);
      const double expected[6] = {value,         gradient[0],   gradient[1],
                                  hessian(0, 0), hessian(0, 1), hessian(1, 1)};
      for (int k = 0; k < 6; ++k) {
        double gpu = 0.0;
        REQUIRE(static_cast<bool>(lines >> gpu));
        CAPTURE(x);
        CAPTURE(y);
        CAPTURE(k);
        // float32 arithmetic: relative error ~1e-6 per operation, a few dozen operations deep.
        CHECK(gpu == doctest::Approx(expected[k]).epsilon(2e-4).scale(1.0 + std::abs(expected[k])));
      }
    }
  }
}

bool is_white(const unsigned char* p) {
  return p[0] > 235 && p[1] > 235 && p[2] > 235;
}

// --network-demo trains a 2-16-16-3 MLP on spirals and shows the PCA plane of its training path
// as a heightfield: a colormapped picture unlike any test surface, with the white training path.
TEST_CASE("the network landscape is a colored heightfield with its training path, in 2D and 3D") {
  const Image test_surface = screenshot("formula", k_scene + " --view 2d");
  const Image landscape = screenshot("network", "--network-demo --view 2d");
  CHECK(fraction_of_picture(landscape, is_colored) > 0.5);
  CHECK(mean_difference(landscape, test_surface) > 20.0);
  CHECK(count_in_picture(landscape, is_white) > 200);
  const Image mesh = screenshot("network3d", "--network-demo --view 3d");
  CHECK(fraction_of_picture(mesh, is_colored) > 0.2);
  CHECK(mean_difference(mesh, landscape) > 20.0);
  CHECK(count_in_picture(mesh, is_white) > 50);
}

// A bowl f(x, y) = 1 + (x − 0.5)² + (y − 1.5)² written as a loss-landscape HDF5 file on
// [-2, 2] × [-1, 3] (41 × 41 samples).
std::string write_bowl(const std::string& name) {
  lv::SurfaceFile file;
  file.x = lv::linear_coordinates(-2.0, 2.0, 41);
  file.y = lv::linear_coordinates(-1.0, 3.0, 41);
  file.loss.resize(41, 41);
  for (int i = 0; i < 41; ++i) {
    for (int j = 0; j < 41; ++j)
      file.loss(i, j) = 1.0 + std::pow(file.x[i] - 0.5, 2) + std::pow(file.y[j] - 1.5, 2);
  }
  const std::string path = temporary(name);
  lv::write_surface_hdf5(path, file);
  return path;
}

// Distance of the 9 × 9 mean around (x, y) from viridis' lowest color #440154 (contour lines
// average out).
double distance_from_lowest(const Image& image, int x, int y) {
  double mean[3] = {0, 0, 0};
  for (int dy = -4; dy <= 4; ++dy) {
    for (int dx = -4; dx <= 4; ++dx) {
      for (int c = 0; c < 3; ++c) mean[c] += image.at(x + dx, y + dy)[c] / 81.0;
    }
  }
  return std::hypot(mean[0] - 0x44, mean[1] - 0x01, mean[2] - 0x54);
}

// The centre of the picture's darkest region: the centroid of the points (every other pixel,
// 9 × 9 means) within 20 of the smallest distance from the colormap's lowest color. A plain
// argmin wanders on the flat bottom of a linear-scale bowl; the centroid of a symmetric bowl's
// bottom does not.
std::pair<double, double> lowest_region(const Image& image, double& distance) {
  std::vector<std::array<double, 3>> samples;
  distance = 1e9;
  for (int y = k_top; y < k_bottom; y += 2) {
    for (int x = k_left; x < k_right; x += 2) {
      samples.push_back({distance_from_lowest(image, x, y), double(x), double(y)});
      distance = std::min(distance, samples.back()[0]);
    }
  }
  double sum_x = 0, sum_y = 0, count = 0;
  for (const auto& [here, x, y] : samples) {
    if (here > distance + 20.0) continue;
    sum_x += x;
    sum_y += y;
    ++count;
  }
  return {sum_x / count, sum_y / count};
}

// Opened with --surface (and through the scene path, as the Open dialog does), the bowl fills
// the landscape chart's plot: at 1280×720 without plots the scene is 900×720 pixels right of
// the 380 px panel; with the 16 px font the chart keeps 96 px left (y ticks and title), 61 px
// below (x ticks and title), 19 px above and 144 px right (the colorbar), so the square box gets
// 640 × 640 pixels at (486, 19) (lv::app::landscape_frame): 160 px per unit, and the minimum
// (0.5, 1.5) sits at pixel (886, 259). --surface keeps the default scene's scale, --scene
// FILE.h5 replaces the scene and shows a linear scale: both put the darkest color there.
TEST_CASE("an HDF5 surface opens in the 2D and 3D views with its minimum where the file has it") {
  const std::string bowl = write_bowl("bowl.h5");
  for (const std::string flag : {"--surface ", "--scene "}) {
    CAPTURE(flag);
    const Image flat = screenshot("bowl", flag + bowl + " --view 2d");
    // The grid covers 640 of the 860 checked columns and the colorbar 21: the axes' margins
    // (theme background and labels) are not colored.
    CHECK(fraction_of_picture(flat, is_colored) > 0.65);
    double distance = 0.0;
    const auto [x, y] = lowest_region(flat, distance);
    CAPTURE(x);
    CAPTURE(y);
    CHECK(distance < 70.0);  // log-scale contours crowd around the minimum and darken the mean
    CHECK(std::hypot(x - 886, y - 259) < 8.0);
    // The point (-1.7, -0.9), 3.3 units from the minimum, is far up the map.
    CHECK(distance_from_lowest(flat, 534, 643) > 150.0);
  }
  const Image flat = screenshot("bowl", "--surface " + bowl + " --view 2d");
  const Image mesh = screenshot("bowl3d", "--surface " + bowl + " --view 3d");
  CHECK(fraction_of_picture(mesh, is_colored) > 0.2);
  CHECK(mean_difference(mesh, flat) > 20.0);
  std::remove(bowl.c_str());
}

TEST_CASE("a bad surface file exits 2 naming the file") {
  const std::string missing = temporary("missing.h5");
  const lv::test::ProcessResult absent =
      lv::test::run_process(gui("--surface " + missing + " --screenshot " + temporary("x.png")));
  CHECK(absent.exit_code == 2);
  CHECK(absent.err.find(missing) != std::string::npos);
  const std::string text = temporary("text.h5");
  std::ofstream(text) << "x,y,loss\n";
  const lv::test::ProcessResult not_hdf5 =
      lv::test::run_process(gui("--surface " + text + " --screenshot " + temporary("y.png")));
  std::remove(text.c_str());
  CHECK(not_hdf5.exit_code == 2);
  CHECK(not_hdf5.err.find("not an HDF5 file") != std::string::npos);
}

// The edge-of-stability lesson trains its network when it opens (headless: before the first
// frame) and shows the sharpness plot in the Network panel: the λmax curve in sky blue and the
// dashed 2/lr limit in orange (Okabe–Ito), both in the panel column left of the picture, and the
// λmax curve climbs from the bottom of its plot to the limit's height.
TEST_CASE("the edge-of-stability lesson plots lambda_max against the dashed 2/lr limit") {
  const std::string lesson =
      std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/09_edge_of_stability.json";
  const Image image = screenshot("eos", "--scene " + lesson);
  const auto near = [](const unsigned char* p, int r, int g, int b) {
    return std::abs(p[0] - r) < 30 && std::abs(p[1] - g) < 30 && std::abs(p[2] - b) < 30;
  };
  long blue = 0, orange = 0;
  int blue_top = 720, blue_bottom = 0;
  for (int y = 0; y < 720; ++y) {
    for (int x = 40; x < 370; ++x) {
      if (near(image.at(x, y), 86, 180, 233)) {
        ++blue;
        blue_top = std::min(blue_top, y);
        blue_bottom = std::max(blue_bottom, y);
      }
      if (near(image.at(x, y), 230, 159, 0)) ++orange;
    }
  }
  CHECK(blue > 300);     // the λmax and loss curves
  CHECK(orange > 40);    // the dashed limit (and its legend entry)
  CHECK(orange < 2000);  // dashed and thin, not a filled area
  CHECK(blue_bottom - blue_top > 100);
}

// The 2D view's axes against the picture itself: on f = x every column has its own color, so
// the column under an x tick labelled v must have the color the colorbar shows at its own tick
// labelled v. The tick positions come from the axes code, the picture's colors from the shader
// and the colorbar's from the colormap drawn beside it: a misplaced tick on either axis shows.
TEST_CASE("the 2D view's x ticks and the colorbar agree with the picture's colors") {
  const Image image =
      screenshot("axes", "--scene " + std::string(LOSSVIZ_GUI_TEST_DATA_DIR) + "/axes_ramp.json");
  const auto& bar = g_layout.at("colorbar");
  const double bar_x = bar.at("left").get<double>() + 0.5 * bar.at("width").get<double>();
  const int middle_y = (k_top + k_bottom) / 2;
  int matched = 0;
  for (const auto& x_tick : g_layout.at("x_ticks")) {
    const double value = x_tick.at("value").get<double>();
    // The label reads as the value, with a real minus sign.
    std::string label = x_tick.at("label").get<std::string>();
    CHECK(label.find('-') == std::string::npos);
    if (label.rfind("\u2212", 0) == 0) label = "-" + label.substr(3);
    CHECK(std::stod(label) == doctest::Approx(value));
    // And x = value is where the tick is (the view's own mapping).
    CHECK(pixel_of(value, 0.0).first ==
          doctest::Approx(x_tick.at("at").get<double>()).epsilon(1e-4));
    for (const auto& bar_tick : bar.at("ticks")) {
      if (std::abs(bar_tick.at("value").get<double>() - value) > 1e-9) continue;
      const unsigned char* in_picture =
          image.at(static_cast<int>(std::lround(x_tick.at("at").get<double>())), middle_y);
      const unsigned char* on_bar =
          image.at(static_cast<int>(std::lround(bar_x)),
                   static_cast<int>(std::lround(bar_tick.at("y").get<double>())));
      CAPTURE(value);
      for (int c = 0; c < 3; ++c) CHECK(std::abs(in_picture[c] - on_bar[c]) <= 12);
      ++matched;
    }
  }
  CHECK(matched >= 3);
  // The colorbar runs from the colormap's lowest color at the bottom to its highest at the top.
  const unsigned char* bottom =
      image.at(static_cast<int>(bar_x), static_cast<int>(bar.at("bottom").get<double>()) - 2);
  const unsigned char* top =
      image.at(static_cast<int>(bar_x), static_cast<int>(bar.at("top").get<double>()) + 2);
  CHECK(std::abs(bottom[0] - 0x44) + std::abs(bottom[1] - 0x01) + std::abs(bottom[2] - 0x54) < 40);
  CHECK(std::abs(top[0] - 0xfd) + std::abs(top[1] - 0xe7) + std::abs(top[2] - 0x25) < 40);
}

// The lesson's own text never covers the picture, in the window and in presentation mode.
TEST_CASE("the lesson text sits above the picture, not over it") {
  const std::string lessons = std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/";
  for (const std::string extra : {"", " --presentation", " --light"}) {
    for (const char* lesson : {"03_adam_vs_sgd_rosenbrock.json", "04_newton_saddle.json"}) {
      CAPTURE(extra);
      CAPTURE(lesson);
      screenshot("lesson", "--scene " + lessons + lesson + extra);
      const auto& strip = g_layout.at("lesson");
      const auto& view = g_layout.at("view");
      CHECK(strip[3].get<double>() > 40.0);  // the text is there
      const double strip_bottom = strip[1].get<double>() + strip[3].get<double>();
      CHECK(strip_bottom <= view[1].get<double>() + 0.5);
      CHECK(k_top >= view[1].get<double>());
      CHECK(k_bottom <= 720);
      CHECK(k_right <= 1280);
    }
  }
}

// Three gradient-descent runs on x² − y² + y⁴/4 reach f = −1 (its minima): on the Plots panel's
// log loss axis every run's curve must still be there (drawn as loss − min), none vanishing
// because its values went negative.
TEST_CASE("a negative loss keeps all its curves on the log loss plot") {
  const Image image = screenshot("negative", "--scene " + std::string(LOSSVIZ_GUI_TEST_DATA_DIR) +
                                                 "/log_plot_negative_loss.json");
  const auto& plots = g_layout.at("plots");
  const int left = static_cast<int>(plots[0].get<double>());
  const int top = static_cast<int>(plots[1].get<double>());
  const int width = static_cast<int>(plots[2].get<double>());
  const int height = static_cast<int>(plots[3].get<double>());
  REQUIRE(height > 100);
  // The palette's first three colours, one per run.
  const int colors[3][3] = {{0xD5, 0x5E, 0x00}, {0x00, 0x72, 0xB2}, {0x00, 0x9A, 0x70}};
  for (const auto& color : colors) {
    long hits = 0;
    for (int y = top + 30; y < top + height; ++y) {
      for (int x = left; x < left + width / 4; ++x) {  // the loss plot: the first of four
        const unsigned char* p = image.at(x, y);
        if (std::abs(p[0] - color[0]) < 30 && std::abs(p[1] - color[1]) < 30 &&
            std::abs(p[2] - color[2]) < 30) {
          ++hits;
        }
      }
    }
    CAPTURE(color[0]);
    CHECK(hits > 15);
  }
}
