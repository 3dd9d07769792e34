// The lossviz window: creates the GL context and Dear ImGui, runs the frame loop (panels →
// input → re-run → render), and the headless modes (screenshot, benchmark).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "autosave.hpp"
#include "command_line.hpp"
#include "input_replay.hpp"
#include "landscape_axes.hpp"
#include "panels/panels.hpp"
#include "render/formula_renderer.hpp"
#include "render/gl.hpp"
#include "render/heatmap_cache.hpp"
#include "render/line_renderer.hpp"
#include "render/offscreen_target.hpp"

struct ImFont;

namespace lv::app {

class App {
 public:
  explicit App(CommandLine options) : options_(std::move(options)) {}
  // Returns the process exit code. Throws InputError for a bad scene, screenshot or --surface
  // path.
  int run();

 private:
  struct Layout {
    // ImGui coordinates (top-left origin). `lesson` is the strip above the picture holding the
    // lesson text (empty without one); `view` the area below it, of which the picture `scene`
    // leaves margins for its axes and colorbar.
    Rect controls, lesson, view, scene, plots;
    Viewport scene_viewport;  // framebuffer pixels (bottom-left origin), the picture `scene`
    float pixels_per_point = 1.0f;
  };
  struct DragState {
    bool active = false;
    int button = 0;
    float travelled = 0.0f;
  };

  bool create_window();
  void setup_imgui();
  void load_fonts();
  void load_initial_scene();
  void check_scene_file_usable() const;
  void load_scene_file(const std::string& path);
  void frame(double seconds);
  Layout compute_layout() const;
  void draw_panels(const Layout& layout);
  void handle_keys();
  // Files dropped onto the window: the GLFW callback (and --input's `drop`) only queue them;
  // process_requests opens them (dropped_files.hpp).
  static void drop_callback(GLFWwindow* window, int count, const char** paths);
  void process_drops();
  // One undo step per finished edit: records the scene while no button, drag or text edit is on.
  void record_undo_step_when_idle();
  void handle_mouse(const Layout& layout);
  bool pick_function_point(const Layout& layout, float mouse_x, float mouse_y, double& x,
                           double& y);
  void process_requests(const Layout& layout);
  void advance_playback(double seconds);
  void refresh(const Layout& layout);
  void rebuild_trajectory_batch();
  void build_marker_batch(LineBatch& batch);
  void add_curvature_marks(LineBatch& batch);
  void add_hover_arrows(LineBatch& batch);
  void add_box_edges(LineBatch& batch, float aspect);
  void render_scene(const Layout& layout);
  // `heatmap_cache`: the window's 2D picture is kept between frames (offscreen exports draw it
  // afresh).
  void render_view(const Viewport& viewport, float pixel_scale, int resolution,
                   HeatmapCache* heatmap_cache = nullptr);
  Vector3 lifted(double x, double y, double value) const;
  void toggle_fullscreen();
  void apply_theme();
  int benchmark();
  int mesh_resolution() const;
  // The Network panel's landscape (network_view.cpp).
  bool landscape_shown() const;
  void refresh_network(const Layout& layout);
  void render_landscape(const Layout& layout);
  void upload_regions();
  // The 2D plot's place in framebuffer pixels (landscape_frame_.plot converted).
  Viewport landscape_viewport(const Layout& layout) const;
  // Axes with ticks and titles (2D) and the colorbar, over the GL picture.
  void draw_landscape_axes(const Layout& layout);
  void run_network_demo();
  void open_surface_file(const std::string& path);
  bool open_if_surface_file(const std::string& path);

  // Exports (app_export.cpp): requests from the Export panel or --export, run between frames.
  struct AnimationExport;
  void process_exports();
  void run_export(const ExportRequest& request);
  void render_offscreen(const OffscreenTarget& target);
  void start_animation(const std::string& path);
  void continue_animation();
  void finish_animation(bool cancelled, std::string error);
  void report_export(const std::string& message, const std::string& path, bool failed);
  int run_headless_exports();
  int run_headless();
  int save_scene_at_exit();
  void write_layout_report() const;

  // The headless --compare mode (app_compare.cpp).
  void start_headless_comparison();
  void note_comparison_frame(double seconds);
  int finish_headless_comparison();

  CommandLine options_;
  GLFWwindow* window_ = nullptr;
  AppState state_;
  FormulaRenderer formula_renderer_;
  FormulaRenderer heightfield_renderer_;         // the network landscape (heightfield mode)
  std::unique_ptr<HeatmapCache> heatmap_cache_;  // the window's 2D picture (GL objects)
  long applied_surface_version_ = 0;
  int heightfield_colormap_ = -1;
  ViewBox landscape_box_;
  float landscape_min_ = 0.0f, landscape_max_ = 1.0f;
  LandscapeFrame landscape_frame_;      // where this frame's landscape chart goes
  Viewport landscape_framed_viewport_;  // the plot size the 2D view was last framed for
  LineRenderer lines_;
  ImFont* regular_font_ = nullptr;
  ImFont* presentation_font_ = nullptr;
  DragState drag_;
  Layout last_layout_;  // the last frame's (for --layout-out)
  // The region the last "home" fitted and the picture size it was fitted to (the fit is redone
  // when the picture is resized, until the user pans or zooms: then empty).
  std::optional<ViewBox> homed_region_;
  int homed_width_ = 0, homed_height_ = 0;
  int last_layout_size_[2] = {0, 0};  // the picture's size in the previous frame
  float last_font_size_ = 16.0f;
  bool trajectory_batch_stale_ = true;
  bool headless_ = false;
  int applied_colormap_ = -1;
  int applied_theme_ = -1;
  bool batch_three_d_ = false;
  double batch_units_per_pixel_ = 1.0;  // the 2D zoom the trajectory batch was simplified for
  int windowed_geometry_[4] = {0, 0, 1600, 900};
  std::shared_ptr<AnimationExport> animation_;  // the animation being written, if any
  std::unique_ptr<InputReplay> replay_;         // --input
  std::unique_ptr<Autosave> autosave_;          // interactive sessions (autosave.hpp)
  std::vector<std::string> dropped_paths_;      // queued by drop_callback for the next frame
  int failed_exports_ = 0;
  int comparison_frames_ = 0;  // frames drawn while the comparison ran (headless --compare)
  double longest_comparison_frame_ = 0.0;
};

}  // namespace lv::app
