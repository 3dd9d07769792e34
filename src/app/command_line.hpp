// lossviz's command line: an optional scene, and the headless modes (screenshot, benchmark, GPU
// probe) used by tests and benchmarks.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lv::app {

struct CommandLine {
  std::string scene_path;          // --scene FILE.json
  std::string screenshot_path;     // --screenshot OUT.png: render, save, exit
  int width = 1600, height = 900;  // --size WxH
  int frames = -1;                 // --frames N (default: 60 in screenshot and benchmark modes)
  std::string view;                // --view 2d|3d (overrides the scene)
  bool benchmark = false;          // --benchmark: print frame times and slider latency, exit
  bool presentation = false;       // --presentation: start in presentation mode
  bool light_theme = false;        // --light
  // --network-demo: train a small spirals MLP, compute its PCA landscape and show it.
  bool network_demo = false;
  // --then-formula F: after half the frames, type F into the formula editor (tests the
  // "a bad formula keeps the last picture" path headlessly).
  std::string then_formula;
  // --hover X,Y: in screenshot mode, show the hover readout and eigenvector arrows at (X, Y).
  bool has_hover = false;
  double hover_x = 0.0, hover_y = 0.0;
  // --probe "FORMULA" --probe-points "x,y;x,y" --probe-out FILE: GPU evaluation for tests.
  std::string probe_formula, probe_points, probe_out;
  std::vector<std::pair<std::string, double>> probe_parameters;  // --param k=v
  // --export KIND=PATH (repeatable): after the screenshot frames, export like the Export panel
  // (view, figure, plots, trajectories, grid, mesh, animation), then exit.
  std::vector<std::pair<std::string, std::string>> exports;
  int export_width = 0, export_height = 0;  // --export-size WxH (the panel's 1920x1080)
  int export_fps = 0;                       // --export-fps N (30)
  double export_seconds = 0.0;              // --export-seconds S (4)
  // --input FILE: replay recorded mouse and keyboard input (docs/gui.md), headless like
  // --screenshot; the run lasts at least until the last event's frame.
  std::string input_path;
  std::string save_scene_path;  // --save-scene OUT.json: write the scene when the app exits
};

// Throws InputError naming the flag at fault.
CommandLine parse_command_line(int argc, char** argv);
std::string usage();

}  // namespace lv::app
