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
  // --network-demo[=pca|random|hessian]: train a small spirals MLP, compute the loss along the
  // line from its initial to its trained weights and its landscape on the PCA plane (or a
  // filter-normalized random plane, or the top Hessian eigenvectors), and show them.
  bool network_demo = false;
  std::string network_demo_plane = "pca";
  // --surface FILE.h5: show a loss-landscape HDF5 surface (train_loss) in the 2D/3D views.
  std::string surface_path;
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
  // --compare OUT.csv: run the Compare panel's comparison of the scene's function and optimizers
  // (settings changed by --compare-set KEY=VALUE, repeatable) while frames are drawn, write the
  // results table, then exit (a --screenshot shows the results).
  std::string compare_path;
  std::vector<std::pair<std::string, std::string>> compare_settings;
  // --input FILE: replay recorded mouse and keyboard input (docs/gui.md), headless like
  // --screenshot; the run lasts at least until the last event's frame.
  std::string input_path;
  // --save-scene OUT.json: save the scene as Ctrl+S does, in the state the last picture shows
  // (headless runs) or when the window closes.
  std::string save_scene_path;
  // --layout-out OUT.json (headless runs): where the last frame put the lesson strip, the
  // picture, its axes' ticks and the colorbar, in window pixels, for tests to check pictures
  // against (docs/gui.md).
  std::string layout_path;
};

// Throws InputError naming the flag at fault.
CommandLine parse_command_line(int argc, char** argv);
std::string usage();

}  // namespace lv::app
