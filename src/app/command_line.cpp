#include "command_line.hpp"

#include <cstdio>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv::app {
namespace {

int parse_int(const std::string& flag, const std::string& text, int min, int max) {
  const auto value = parse_whole_number(text, min, max);
  if (!value) {
    throw InputError(flag + ": expected a whole number in [" + std::to_string(min) + ", " +
                     std::to_string(max) + "], got '" + text + "'");
  }
  return *value;
}

}  // namespace

std::string usage() {
  return "usage: lossviz [--scene FILE.json] [--view 2d|3d] [--presentation] [--light]\n"
         "              [--network-demo[=pca|random|hessian]] [--surface FILE.h5]\n"
         "       lossviz --scene FILE.json --screenshot OUT.png [--size WxH] [--frames N]\n"
         "               [--view 2d|3d] [--then-formula F] [--hover X,Y] [--save-scene OUT.json]\n"
         "               [--layout-out OUT.json]\n"
         "       lossviz [--scene FILE.json] --input EVENTS.txt [--frames N] [--save-scene "
         "OUT.json]\n"
         "               [--screenshot OUT.png]\n"
         "       lossviz [--scene FILE.json] --export KIND=PATH... [--export-size WxH]\n"
         "               [--export-fps N] [--export-seconds S]   (KIND: view, figure, plots,\n"
         "               trajectories, grid, mesh, animation)\n"
         "       lossviz [--scene FILE.json] --compare OUT.csv [--compare-set KEY=VALUE]...\n"
         "               [--screenshot OUT.png]   (KEY: steps, evals, starts, search,\n"
         "               grid-points, trials, tolerance, optimizers)\n"
         "       lossviz --benchmark [--scene FILE.json] [--size WxH] [--frames N] [--view 2d|3d]\n"
         "       lossviz --probe FORMULA [--param k=v]... --probe-points \"x,y;x,y\" "
         "--probe-out FILE\n";
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    std::string value;
    bool has_inline_value = false;
    if (const size_t equals = flag.find('=');
        flag.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
      has_inline_value = true;
    }
    const auto next = [&]() -> std::string {
      if (has_inline_value) return value;
      if (i + 1 >= argc) throw InputError(flag + ": missing value");
      return argv[++i];
    };
    if (flag == "--scene") {
      options.scene_path = next();
    } else if (flag == "--screenshot") {
      options.screenshot_path = next();
    } else if (flag == "--size") {
      const std::string size = next();
      const size_t x = size.find('x');
      if (x == std::string::npos) throw InputError("--size: expected WxH, got '" + size + "'");
      options.width = parse_int("--size", size.substr(0, x), 64, 8192);
      options.height = parse_int("--size", size.substr(x + 1), 64, 8192);
    } else if (flag == "--frames") {
      options.frames = parse_int("--frames", next(), 1, 1000000);
    } else if (flag == "--view") {
      options.view = next();
      if (options.view != "2d" && options.view != "3d") {
        throw InputError("--view: expected 2d or 3d, got '" + options.view + "'");
      }
    } else if (flag == "--benchmark") {
      options.benchmark = true;
    } else if (flag == "--presentation") {
      options.presentation = true;
    } else if (flag == "--light") {
      options.light_theme = true;
    } else if (flag == "--network-demo") {
      options.network_demo = true;
      if (has_inline_value && value != "pca" && value != "random" && value != "hessian")
        throw InputError("--network-demo: expected pca, random or hessian, got '" + value + "'");
      if (has_inline_value) options.network_demo_plane = value;
    } else if (flag == "--surface") {
      options.surface_path = next();
    } else if (flag == "--then-formula") {
      options.then_formula = next();
    } else if (flag == "--hover") {
      const std::string point = next();
      const std::vector<std::string> coordinates = split(point, ',');
      const auto x = coordinates.size() == 2 ? parse_double(coordinates[0]) : std::nullopt;
      const auto y = coordinates.size() == 2 ? parse_double(coordinates[1]) : std::nullopt;
      if (!x || !y) throw InputError("--hover: expected X,Y, got '" + point + "'");
      options.has_hover = true;
      options.hover_x = *x;
      options.hover_y = *y;
    } else if (flag == "--export") {
      const std::string assignment = next();
      const size_t equals = assignment.find('=');
      if (equals == std::string::npos || equals == 0 || equals + 1 == assignment.size()) {
        throw InputError("--export: expected KIND=PATH, got '" + assignment + "'");
      }
      options.exports.emplace_back(assignment.substr(0, equals), assignment.substr(equals + 1));
    } else if (flag == "--export-size") {
      const std::string size = next();
      const size_t x = size.find('x');
      if (x == std::string::npos)
        throw InputError("--export-size: expected WxH, got '" + size + "'");
      options.export_width = parse_int("--export-size", size.substr(0, x), 16, 8192);
      options.export_height = parse_int("--export-size", size.substr(x + 1), 16, 8192);
    } else if (flag == "--export-fps") {
      options.export_fps = parse_int("--export-fps", next(), 1, 120);
    } else if (flag == "--export-seconds") {
      const std::string text = next();
      const auto seconds = parse_double(text);
      if (!seconds || !(*seconds > 0 && *seconds <= 600)) {
        throw InputError("--export-seconds: expected a number in (0, 600], got '" + text + "'");
      }
      options.export_seconds = *seconds;
    } else if (flag == "--save-scene") {
      options.save_scene_path = next();
    } else if (flag == "--layout-out") {
      options.layout_path = next();
    } else if (flag == "--input") {
      options.input_path = next();
    } else if (flag == "--compare") {
      options.compare_path = next();
    } else if (flag == "--compare-set") {
      const std::string assignment = next();
      const size_t equals = assignment.find('=');
      if (equals == std::string::npos || equals == 0) {
        throw InputError("--compare-set: expected KEY=VALUE, got '" + assignment + "'");
      }
      options.compare_settings.emplace_back(assignment.substr(0, equals),
                                            assignment.substr(equals + 1));
    } else if (flag == "--probe") {
      options.probe_formula = next();
    } else if (flag == "--probe-points") {
      options.probe_points = next();
    } else if (flag == "--probe-out") {
      options.probe_out = next();
    } else if (flag == "--param") {
      const std::string assignment = next();
      const size_t equals = assignment.find('=');
      const auto number =
          equals == std::string::npos ? std::nullopt : parse_double(assignment.substr(equals + 1));
      if (!number) throw InputError("--param: expected k=v, got '" + assignment + "'");
      options.probe_parameters.emplace_back(assignment.substr(0, equals), *number);
    } else {
      throw InputError("unknown flag '" + flag + "'");
    }
  }
  if (!options.probe_formula.empty() &&
      (options.probe_points.empty() || options.probe_out.empty())) {
    throw InputError("--probe needs --probe-points and --probe-out");
  }
  return options;
}

}  // namespace lv::app
