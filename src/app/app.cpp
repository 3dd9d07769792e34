// The lossviz frame loop.
//
// Contents: window and ImGui setup · scenes · frame · layout and panels · keys · dropped files and
//           undo · mouse and picking · requests · playback · refresh (re-run, ranges, shaders) ·
//           drawing · headless modes
#include "app.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "constraints/constraint_glsl.hpp"
#include "curvature_view.hpp"
#include "data_view.hpp"
#include "dropped_files.hpp"
#include "files/atomic_file.hpp"
#include "io/scene.hpp"
#include "optim/registry.hpp"
#include "render/framebuffer_capture.hpp"
#include "render/resources.hpp"
#include "state_actions.hpp"
#include "theme.hpp"
#include "view_axes.hpp"

namespace lv::app {
namespace {

constexpr float k_controls_width = 380.0f;  // left panel, before DPI scaling
constexpr float k_plots_height = 210.0f;
constexpr int k_coarse_resolution = 64;  // llvmpipe: ~70 FPS at 1080p
constexpr int k_fine_resolution = 192;   // idle: the picture is not redrawn continuously
constexpr double k_headless_frame_seconds = 1.0 / 60.0;
constexpr int k_dragging_reduction = 2;  // heatmap pixels per side while dragging: 1/2

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// ==== window and ImGui setup
// ======================================================================

bool App::create_window() {
  if (!glfwInit()) {
    std::fprintf(stderr, "lossviz: cannot initialize GLFW (no display? try xvfb-run)\n");
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  window_ = glfwCreateWindow(options_.width, options_.height, "lossviz", nullptr, nullptr);
  if (!window_) {
    std::fprintf(stderr, "lossviz: cannot create an OpenGL 3.3 core window\n");
    glfwTerminate();
    return false;
  }
  glfwMakeContextCurrent(window_);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::fprintf(stderr, "lossviz: cannot load OpenGL 3.3 functions\n");
    return false;
  }
  glfwSwapInterval(headless_ ? 0 : 1);
  glfwSetWindowUserPointer(window_, this);
  glfwSetDropCallback(window_, drop_callback);
  float scale_x = 1.0f, scale_y = 1.0f;
  glfwGetWindowContentScale(window_, &scale_x, &scale_y);
  state_.ui.dpi_scale = std::max(1.0f, scale_x);
  return true;
}

void App::setup_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is computed, nothing to remember
  ImGui::StyleColorsDark();
  ImGui::GetStyle().ScaleAllSizes(state_.ui.dpi_scale);
  load_fonts();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

// DejaVu Sans from fonts-dejavu-core when installed; ImGui's built-in font otherwise. Besides
// Latin-1 it brings the Greek letters (λ, κ), dashes and arrows, and math signs (∞) the curvature
// readouts use.
void App::load_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const float scale = state_.ui.dpi_scale;
  static const ImWchar ranges[] = {0x0020, 0x00FF,  // Basic Latin, Latin-1
                                   0x0370, 0x03FF,  // Greek
                                   0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
                                   0x2190, 0x2193,  // arrows
                                   0x2200, 0x22FF,  // mathematical operators
                                   0};
  if (std::filesystem::exists(path)) {
    regular_font_ = io.Fonts->AddFontFromFileTTF(path, 16.0f * scale, nullptr, ranges);
    presentation_font_ = io.Fonts->AddFontFromFileTTF(path, 30.0f * scale, nullptr, ranges);
  }
  if (!regular_font_ || !presentation_font_) {
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    regular_font_ = io.Fonts->AddFontDefault(&config);
    config.SizePixels = 26.0f * scale;
    presentation_font_ = io.Fonts->AddFontDefault(&config);
  }
}

void App::apply_theme() {
  const int theme = state_.ui.dark_theme ? 1 : 0;
  if (theme == applied_theme_) return;
  applied_theme_ = theme;
  if (state_.ui.dark_theme) {
    ImGui::StyleColorsDark();
  } else {
    ImGui::StyleColorsLight();
  }
}

void App::toggle_fullscreen() {
  state_.ui.fullscreen = !state_.ui.fullscreen;
  if (state_.ui.fullscreen) {
    glfwGetWindowPos(window_, &windowed_geometry_[0], &windowed_geometry_[1]);
    glfwGetWindowSize(window_, &windowed_geometry_[2], &windowed_geometry_[3]);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode)
      glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(window_, nullptr, windowed_geometry_[0], windowed_geometry_[1],
                         windowed_geometry_[2], windowed_geometry_[3], 0);
  }
}

// ==== scenes
// ======================================================================================

void App::load_scene_file(const std::string& path) {
  if (open_if_surface_file(path)) return;  // a loss-landscape .h5 file, not a scene
  try {
    const Scene scene = load_scene(path);
    state_.ui.messages = apply_scene(state_, scene);
    state_.ui.scene_path = path;
    // Headless pictures are final: a scene's network is trained before the first frame.
    if (headless_ && scene.network.present) state_.network.session->wait();
    for (const std::string& message : state_.ui.messages) {
      std::fprintf(stderr, "lossviz: %s: %s\n", path.c_str(), message.c_str());
    }
  } catch (const InputError& error) {
    state_.ui.messages = {error.what()};
    std::fprintf(stderr, "lossviz: %s\n", error.what());
    state_.ui.home_request = true;
  }
  trajectory_batch_stale_ = true;
}

// A headless run (screenshot, saved scene, export, comparison) must not stand in the default
// scene for a scene file it cannot use: a script would get a picture or a file of the wrong
// scene and exit 0. Interactively the message shows in the window instead.
void App::check_scene_file_usable() const {
  const std::string& path = options_.scene_path;
  if (path.empty()) return;
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".h5" || extension == ".hdf5") {
    (void)read_surface_file(path);
    return;
  }
  (void)load_scene(path);
}

void App::load_initial_scene() {
  state_.run.schedule = make_schedule("constant");
  select_builtin_function(state_, 0);
  std::string path = options_.scene_path;
  if (path.empty()) {
    try {
      path = resource_directory("assets/scenes") + "/default.json";
    } catch (const InputError&) {
      path.clear();
    }
  }
  if (!path.empty() && (std::filesystem::exists(path) || !options_.scene_path.empty())) {
    load_scene_file(path);
  } else {
    add_optimizer(state_, "sgd");
    state_.ui.home_request = true;
  }
  if (!options_.view.empty()) state_.view.three_d = options_.view == "3d";
  state_.ui.presentation = options_.presentation;
  state_.ui.dark_theme = !options_.light_theme;
}

// ==== frame
// =======================================================================================

void App::frame(double seconds) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (replay_) replay_->apply_pointer(ImGui::GetIO());
  ImGui::NewFrame();
  apply_theme();
  ImGui::PushFont(state_.ui.presentation ? presentation_font_ : regular_font_);
  state_.ui.interacting = false;
  const Layout layout = compute_layout();
  last_layout_ = layout;
  last_font_size_ = ImGui::GetFontSize();
  draw_panels(layout);
  handle_keys();
  handle_mouse(layout);
  process_requests(layout);
  refresh_network(layout);
  draw_landscape_axes(layout);
  refresh(layout);
  record_undo_step_when_idle();
  process_exports();
  advance_playback(seconds);
  if (landscape_shown()) state_.ui.hover.active = false;  // the readout shows the formula
  draw_hover_readout(state_);
  ImGui::PopFont();
  ImGui::Render();
  render_scene(layout);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// ==== layout and panels
// ===========================================================================

App::Layout App::compute_layout() const {
  int window_width = 1, window_height = 1, framebuffer_width = 1, framebuffer_height = 1;
  glfwGetWindowSize(window_, &window_width, &window_height);
  glfwGetFramebufferSize(window_, &framebuffer_width, &framebuffer_height);
  const float scale = state_.ui.dpi_scale;
  const bool panels = !state_.ui.presentation;
  const float controls = panels ? std::min(k_controls_width * scale, 0.4f * window_width) : 0.0f;
  const bool plots = panels && state_.ui.show_plots && !state_.run.trajectories.empty();
  const float plots_height = plots ? std::min(k_plots_height * scale, 0.35f * window_height) : 0.0f;
  Layout layout;
  const float width = static_cast<float>(window_width), height = static_cast<float>(window_height);
  const float lesson_height =
      std::round(std::min(lesson_panel_height(state_, width - controls), 0.4f * height));
  layout.controls = {0, 0, controls, height};
  layout.lesson = {controls, 0, width - controls, lesson_height};
  layout.view = {controls, lesson_height, width - controls, height - plots_height - lesson_height};
  layout.plots = {controls, height - plots_height, width - controls, plots_height};
  // The picture gives up margins for its axes and colorbar (not the network landscape, which
  // draws its own).
  const AxesMargins margins = state_.view.axes && !landscape_shown()
                                  ? axes_margins(state_.view, ImGui::GetFontSize())
                                  : AxesMargins{};
  // Whole pixels, so picking (ImGui coordinates) and drawing (the viewport) agree exactly.
  const float scene_left = std::round(layout.view.x + margins.left);
  const float scene_top = std::round(layout.view.y + margins.top);
  layout.scene = {
      scene_left, scene_top,
      std::max(1.0f, std::round(layout.view.x + layout.view.width - margins.right) - scene_left),
      std::max(1.0f, std::round(layout.view.y + layout.view.height - margins.bottom) - scene_top)};
  const float to_pixels_x = static_cast<float>(framebuffer_width) / width;
  const float to_pixels_y = static_cast<float>(framebuffer_height) / height;
  layout.pixels_per_point = to_pixels_x;
  const float scene_bottom = height - (layout.scene.y + layout.scene.height);
  layout.scene_viewport = {
      static_cast<int>(std::lround(layout.scene.x * to_pixels_x)),
      static_cast<int>(std::lround(scene_bottom * to_pixels_y)),
      std::max(1, static_cast<int>(std::lround(layout.scene.width * to_pixels_x))),
      std::max(1, static_cast<int>(std::lround(layout.scene.height * to_pixels_y)))};
  return layout;
}

void App::draw_panels(const Layout& layout) {
  if (!state_.ui.presentation) {
    ImGui::SetNextWindowPos(ImVec2(layout.controls.x, layout.controls.y));
    ImGui::SetNextWindowSize(ImVec2(layout.controls.width, layout.controls.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("lossviz", nullptr, flags)) {
      ImGui::PushItemWidth(-ImGui::GetFontSize() * 7.5f);
      draw_function_panel(state_);
      draw_data_panel(state_);
      draw_optimizers_panel(state_);
      draw_playback_panel(state_);
      draw_view_panel(state_);
      draw_scenes_panel(state_);
      draw_export_panel(state_);
      draw_compare_panel(state_);
      draw_network_panel(state_);
      ImGui::PopItemWidth();
      draw_undo_buttons(state_);
      ImGui::SameLine();
      ImGui::TextDisabled("F1: help   %.0f FPS", ImGui::GetIO().Framerate);
    }
    ImGui::End();
    draw_plots_panel(state_, layout.plots);
    draw_compare_window(state_, layout.view);
  }
  draw_lesson_panel(state_, layout.lesson);
  if (!landscape_shown()) {
    draw_view_axes(state_, layout.scene, layout.pixels_per_point);
    draw_kkt_overlay(state_, layout.scene, layout.pixels_per_point);
    draw_regularization_overlay(state_, layout.scene, layout.pixels_per_point);
  }
  draw_help_overlay(state_);
  draw_recovery_prompt(state_);
}

// ==== keys
// ========================================================================================

void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  // A text field keeps its keys (Ctrl+Z included), and so does an open file browser (Enter,
  // Backspace, arrows).
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  const bool control = io.KeyCtrl;
  PlaybackState& playback = state_.playback;
  if (ImGui::IsKeyPressed(GLFW_KEY_SPACE)) playback.playing = !playback.playing;
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) {
    playback.playing = false;
    playback.step = std::min<double>(last_step(state_), std::floor(playback.step) + 1);
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) {
    playback.playing = false;
    playback.step = std::max(0.0, std::ceil(playback.step) - 1);
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_R, false) && !control) {
    playback.step = 0;
    playback.playing = true;
    state_.view.camera = OrbitCamera();
    state_.ui.home_request = true;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_F, false) && !control) toggle_fullscreen();
  if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) state_.ui.presentation = !state_.ui.presentation;
  if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) state_.ui.show_help = !state_.ui.show_help;
  if (control && ImGui::IsKeyPressed(GLFW_KEY_S, false))
    state_.ui.save_request = state_.ui.scene_path;
  if (control && ImGui::IsKeyPressed(GLFW_KEY_O, false))
    state_.ui.load_request = state_.ui.scene_path;
  // Undo and redo of the scene (a text field being edited keeps Ctrl+Z for itself: see above).
  const bool z = control && ImGui::IsKeyPressed(GLFW_KEY_Z);
  if (z && !io.KeyShift) state_.ui.undo_request = true;
  if ((z && io.KeyShift) || (control && ImGui::IsKeyPressed(GLFW_KEY_Y)))
    state_.ui.redo_request = true;
}

// ==== dropped files and undo
// ======================================================================

void App::drop_callback(GLFWwindow* window, int count, const char** paths) {
  auto* app = static_cast<App*>(glfwGetWindowUserPointer(window));
  if (app == nullptr) return;
  for (int i = 0; i < count; ++i) app->dropped_paths_.emplace_back(paths[i]);
}

void App::process_drops() {
  const std::vector<std::string> paths = std::move(dropped_paths_);
  dropped_paths_.clear();
  for (const std::string& path : paths) {
    apply_dropped_file(state_, classify_dropped_file(path));
  }
}

void App::record_undo_step_when_idle() {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsAnyMouseDown() || io.WantTextInput || drag_.active || state_.ui.interacting) return;
  record_undo_step(state_);
}

// ==== mouse and picking
// ===========================================================================

bool App::pick_function_point(const Layout& layout, float mouse_x, float mouse_y, double& x,
                              double& y) {
  const Rect& scene = layout.scene;
  const float u = (mouse_x - scene.x) / scene.width;          // 0..1 left to right
  const float v = 1.0f - (mouse_y - scene.y) / scene.height;  // 0..1 bottom to top
  if (u < 0 || u > 1 || v < 0 || v > 1) return false;
  if (!state_.view.three_d) {
    const View2D& view = state_.view.view2d;
    const Viewport& viewport = layout.scene_viewport;
    x = view.center_x + (u - 0.5) * viewport.width * view.units_per_pixel;
    y = view.center_y + (v - 0.5) * viewport.height * view.units_per_pixel;
    return true;
  }
  // 3D: march along the camera ray until it passes below the surface, then bisect.
  Vector3 origin, direction;
  state_.view.camera.ray(2 * u - 1, 2 * v - 1, scene.width / scene.height, origin, direction);
  const ViewBox& box = state_.function.domain;
  const auto below_surface = [&](float t, double& px, double& py) {
    const Vector3 p = origin + t * direction;
    if (std::abs(p.x()) > 1 || std::abs(p.y()) > 1) return false;
    px = box.x_min + 0.5 * (p.x() + 1) * (box.x_max - box.x_min);
    py = box.y_min + 0.5 * (p.y() + 1) * (box.y_max - box.y_min);
    Vec point(2);
    point << px, py;
    return p.z() <= lifted(px, py, state_.function.expr.value(point)).z();
  };
  const float far_distance = 3.0f * state_.view.camera.distance + 4.0f;
  constexpr int samples = 400;
  float previous = 0.0f;
  for (int i = 1; i <= samples; ++i) {
    const float t = far_distance * static_cast<float>(i) / samples;
    if (!below_surface(t, x, y)) {
      previous = t;
      continue;
    }
    float low = previous, high = t;
    for (int k = 0; k < 24; ++k) {
      const float middle = 0.5f * (low + high);
      double mx = 0, my = 0;
      (below_surface(middle, mx, my) ? high : low) = middle;
    }
    below_surface(high, x, y);
    return true;
  }
  return false;
}

void App::handle_mouse(const Layout& layout) {
  if (headless_ && !replay_) {  // no pointer: a virtual one would pin a tooltip to the picture
    state_.ui.hover = {options_.has_hover, options_.hover_x, options_.hover_y};
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  double x = 0, y = 0;
  const bool over_scene =
      !io.WantCaptureMouse && pick_function_point(layout, io.MousePos.x, io.MousePos.y, x, y);
  state_.ui.hover = {over_scene && !drag_.active, x, y};
  ViewState& view = state_.view;
  if (!io.WantCaptureMouse && io.MouseWheel != 0.0f) {
    const double factor = std::pow(0.85, io.MouseWheel);
    if (view.three_d) {
      view.camera.zoom(static_cast<float>(factor));
    } else if (over_scene) {  // zoom about the cursor: (x, y) stays under it
      view.view2d.center_x = x + (view.view2d.center_x - x) * factor;
      view.view2d.center_y = y + (view.view2d.center_y - y) * factor;
      view.view2d.units_per_pixel *= factor;
      limit_view2d(view.view2d);
      view.range_stale = true;
      homed_region_.reset();
    }
  }
  for (int button = 0; button < 2; ++button) {
    if (ImGui::IsMouseClicked(button) && !io.WantCaptureMouse) drag_ = {true, button, 0.0f};
  }
  if (!drag_.active) return;
  const ImVec2 delta = io.MouseDelta;
  drag_.travelled += std::abs(delta.x) + std::abs(delta.y);
  if (drag_.travelled > 3.0f) {
    state_.ui.interacting = true;
    state_.ui.hover.active = false;
    if (!view.three_d) {
      const float to_pixels = static_cast<float>(layout.scene_viewport.width) / layout.scene.width;
      view.view2d.center_x -= delta.x * to_pixels * view.view2d.units_per_pixel;
      view.view2d.center_y += delta.y * to_pixels * view.view2d.units_per_pixel;
      limit_view2d(view.view2d);
      view.range_stale = true;
      homed_region_.reset();
    } else if (drag_.button == 0) {
      view.camera.rotate(-delta.x * 0.008f, delta.y * 0.008f);
    } else {
      view.camera.pan(delta.x / layout.scene.height, delta.y / layout.scene.height);
    }
  }
  if (ImGui::IsMouseReleased(drag_.button)) {
    if (drag_.travelled <= 3.0f && drag_.button == 0 && over_scene) {
      click_scene(state_, x, y, io.KeyShift);
    }
    drag_.active = false;
  }
}

// ==== requests
// ====================================================================================

void App::process_requests(const Layout& layout) {
  UiState& ui = state_.ui;
  process_drops();
  if (ui.undo_request || ui.redo_request) {
    const bool changed = ui.undo_request ? undo_scene_change(state_) : redo_scene_change(state_);
    ui.undo_request = ui.redo_request = false;
    if (changed) trajectory_batch_stale_ = true;
  }
  if (!ui.load_request.empty()) {
    const std::string path = std::move(ui.load_request);
    ui.load_request.clear();
    load_scene_file(path);
  }
  if (!ui.save_request.empty()) {
    const std::string path = std::move(ui.save_request);
    ui.save_request.clear();
    try {
      save_scene(path, capture_scene(state_));
      ui.messages = {"saved " + path};
    } catch (const InputError& error) {
      ui.messages = {error.what()};
    }
  }
  // A view fitted by "home" stays fitted while the picture changes size under it (the plots
  // appear after the first run, a lesson's text arrives), until the user pans or zooms.
  const Viewport& viewport = layout.scene_viewport;
  // The 2D value range covers the visible region: a resized picture shows another region.
  if (viewport.width != last_layout_size_[0] || viewport.height != last_layout_size_[1]) {
    state_.view.range_stale = true;
    last_layout_size_[0] = viewport.width;
    last_layout_size_[1] = viewport.height;
  }
  const bool resized = homed_width_ != viewport.width || homed_height_ != viewport.height;
  if (!ui.home_request && resized && homed_region_ && !state_.view.three_d) {
    state_.view.region_to_show = homed_region_;
    ui.home_request = true;
  }
  if (ui.home_request) {
    ui.home_request = false;
    homed_region_ = state_.view.region_to_show.value_or(state_.function.domain);
    homed_width_ = viewport.width;
    homed_height_ = viewport.height;
    home_view(state_, static_cast<float>(viewport.width), static_cast<float>(viewport.height));
  }
}

// ==== playback
// ====================================================================================

void App::advance_playback(double seconds) {
  PlaybackState& playback = state_.playback;
  if (!playback.playing) return;
  const int last = last_step(state_);
  playback.step += playback.speed * seconds;
  if (playback.step < last || last == 0) return;
  if (playback.loop) {
    playback.step = 0.0;
  } else {
    playback.step = last;
    playback.playing = false;
  }
}

// ==== refresh (re-run, ranges, shaders)
// ===========================================================

void App::refresh(const Layout& layout) {
  if (state_.function.shader_stale) {
    state_.function.shader_stale = false;
    try {
      formula_renderer_.set_formula(state_.function.expr,
                                    glsl_constraints(state_.function.constraints));
    } catch (const InputError& error) {
      state_.function.error = error.what();
    }
  }
  if (formula_renderer_.compiling()) {
    formula_renderer_.poll();
    if (!formula_renderer_.compile_error().empty()) {
      state_.function.error = "shader: " + formula_renderer_.compile_error();
    }
  }
  // Interactively the race runs on the worker and the last complete picture stays up until the
  // new one is in; headless runs (screenshots, exports) compute it in place, so every picture
  // shows the race of its own settings.
  if (state_.run.stale) {
    if (headless_) {
      rerun_trajectories(state_);
      trajectory_batch_stale_ = true;
    } else {
      state_.run.session->start(prepare_race(state_));
      state_.run.stale = false;
    }
  }
  if (std::optional<RaceResult> result = state_.run.session->take_result()) {
    install_race(state_, std::move(*result));
    trajectory_batch_stale_ = true;
  }
  if (state_.view.range_stale) {
    update_value_range(state_, static_cast<float>(layout.scene_viewport.width),
                       static_cast<float>(layout.scene_viewport.height));
    if (state_.view.three_d) trajectory_batch_stale_ = true;
  }
  if (batch_three_d_ != state_.view.three_d) trajectory_batch_stale_ = true;
  // 2D paths are simplified to the pixel size they were built for: rebuild after zooming.
  const double zoom_change = state_.view.view2d.units_per_pixel / batch_units_per_pixel_;
  if (!state_.view.three_d && (zoom_change > 1.5 || zoom_change < 1 / 1.5)) {
    trajectory_batch_stale_ = true;
  }
  if (trajectory_batch_stale_) rebuild_trajectory_batch();
  if (applied_colormap_ != state_.view.colormap) {
    formula_renderer_.set_colormap(state_.view.colormap);
    applied_colormap_ = state_.view.colormap;
  }
}

// ==== drawing
// =====================================================================================

Vector3 App::lifted(double x, double y, double value) const {
  if (!state_.view.three_d) {
    return {static_cast<float>(x), static_cast<float>(y), 0.0f};
  }
  Vector3 point = surface_point(state_, x, y, std::isfinite(value) ? value : 1e300);
  point.z() += 0.004f;
  return point;
}

void App::rebuild_trajectory_batch() {
  const float tolerance =
      state_.view.three_d ? 0.003f : static_cast<float>(0.75 * state_.view.view2d.units_per_pixel);
  struct Segment {
    Vector3 a, b;
    Color color;
    float step;
  };
  std::vector<Segment> segments;
  for (size_t i = 0; i < state_.optimizers.size() && i < state_.run.trajectories.size(); ++i) {
    const OptimizerSlot& slot = state_.optimizers[i];
    const Trajectory& trajectory = state_.run.trajectories[i];
    if (!slot.visible || trajectory.size() < 2) continue;
    // Points closer than about a pixel to the last kept one are skipped: a converging run piles
    // thousands of steps onto a few pixels, and every segment costs a quad per frame. Each
    // segment is tagged with its end step, so playback still reveals the path step by step.
    const Color color{slot.color[0], slot.color[1], slot.color[2], 1.0f};
    const auto point = [&](int row) {
      const auto x = trajectory.x(row);
      return lifted(x[0], x[1], trajectory.loss[static_cast<size_t>(row)]);
    };
    Vector3 previous = point(0);
    const int last = trajectory.size() - 1;
    for (int row = 1; row <= last; ++row) {
      const Vector3 current = point(row);
      if (row != last && (current - previous).norm() < tolerance) continue;
      segments.push_back({previous, current, color, static_cast<float>(row)});
      previous = current;
    }
  }
  // Every path first as a dark casing, then in its colour on top: a mid-tone line stays visible
  // where the colormap has its own tone (a red path over magma's pinks, blue over viridis' blue).
  LineBatch batch;
  const Color casing{0.0f, 0.0f, 0.0f, 0.55f};
  for (const Segment& segment : segments) {
    batch.add_segment(segment.a, segment.b, casing, 4.5f, segment.step);
  }
  for (const Segment& segment : segments) {
    batch.add_segment(segment.a, segment.b, segment.color, 2.5f, segment.step);
  }
  lines_.upload(0, batch);
  batch_units_per_pixel_ = state_.view.view2d.units_per_pixel;
  trajectory_batch_stale_ = false;
  batch_three_d_ = state_.view.three_d;
}

// Start points, moving points and divergence crosses (rebuilt every frame: a few dozen quads).
void App::build_marker_batch(LineBatch& batch) {
  const double step = state_.playback.step;
  for (size_t i = 0; i < state_.optimizers.size() && i < state_.run.trajectories.size(); ++i) {
    const OptimizerSlot& slot = state_.optimizers[i];
    if (!slot.visible) continue;
    const Color color{slot.color[0], slot.color[1], slot.color[2], 1.0f};
    Vec start(2);
    start << slot.start_x, slot.start_y;
    const Vector3 start_point =
        lifted(slot.start_x, slot.start_y, state_.function.expr.value(start));
    batch.add_marker(start_point, {color[0] * 0.6f, color[1] * 0.6f, color[2] * 0.6f, 1.0f}, 9.0f,
                     0);
    const Trajectory& trajectory = state_.run.trajectories[i];
    if (trajectory.empty()) continue;
    const int last = trajectory.size() - 1;
    const int row = playback_row(trajectory, step);
    const int next = std::min(row + 1, last);
    const double fraction = std::clamp(step - row, 0.0, 1.0);
    const Vec x = playback_point(trajectory, step);
    const double value = (1 - fraction) * trajectory.loss[static_cast<size_t>(row)] +
                         fraction * trajectory.loss[static_cast<size_t>(next)];
    const Vector3 current = lifted(x[0], x[1], value);
    batch.add_marker(current, color, 15.0f, 0);
    if (trajectory.status == RunStatus::Diverged && step >= last) {
      // A red cross where the run left the finite world (its last finite point).
      const float arm =
          state_.view.three_d ? 0.04f : static_cast<float>(10 * state_.view.view2d.units_per_pixel);
      const Color red{1.0f, 0.15f, 0.1f, 1.0f};
      batch.add_segment(current + Vector3(-arm, -arm, 0), current + Vector3(arm, arm, 0), red, 4.0f,
                        0);
      batch.add_segment(current + Vector3(-arm, arm, 0), current + Vector3(arm, -arm, 0), red, 4.0f,
                        0);
    }
  }
}

// Rings where a run's λmax passed its stability limit (once the playback has reached them) and,
// in 2D, the eigenvector arrows and quadratic-model level sets at each optimizer's point.
void App::add_curvature_marks(LineBatch& batch) {
  for (const CrossingRing& ring : crossing_rings(state_)) {
    const auto& color = state_.optimizers[ring.slot].color;
    const Trajectory& trajectory = state_.run.trajectories[ring.slot];
    batch.add_ring(lifted(ring.x, ring.y, trajectory.loss[static_cast<size_t>(ring.row)]),
                   {color[0], color[1], color[2], 1.0f}, 17.0f, 0);
  }
  if (state_.view.three_d) return;
  std::vector<OverlayLine> overlay = curvature_overlay(state_, state_.view.view2d.units_per_pixel);
  for (OverlayLine& line : gradient_cloud_overlay(state_, state_.view.view2d.units_per_pixel))
    overlay.push_back(std::move(line));
  for (const OverlayLine& line : overlay) {
    for (size_t k = 1; k < line.points.size(); ++k) {
      const Vec& a = line.points[k - 1];
      const Vec& b = line.points[k];
      batch.add_segment(lifted(a[0], a[1], 0.0), lifted(b[0], b[1], 0.0), line.color, line.width,
                        0);
    }
  }
}

// Hessian eigenvector arrows at the hovered point (orange: smallest eigenvalue).
void App::add_hover_arrows(LineBatch& batch) {
  if (!state_.ui.hover.active) return;
  Vec point(2), gradient(2);
  point << state_.ui.hover.x, state_.ui.hover.y;
  Mat hessian(2, 2);
  state_.function.expr.value_gradient_hessian(point, gradient, hessian);
  const Eigen::SelfAdjointEigenSolver<Mat> solver(hessian);
  if (solver.info() != Eigen::Success || !hessian.allFinite()) return;
  const ViewBox& box = state_.function.domain;
  const double length = state_.view.three_d ? 0.12 * (box.x_max - box.x_min)
                                            : 70.0 * state_.view.view2d.units_per_pixel;
  const Color colors[2] = {{1.0f, 0.55f, 0.1f, 1.0f}, {0.2f, 0.85f, 1.0f, 1.0f}};
  for (int k = 0; k < 2; ++k) {
    const Vec direction = solver.eigenvectors().col(k);
    std::vector<Vector3> points;
    for (int s = -8; s <= 8; ++s) {
      const Vec p = point + (length * s / 8.0) * direction;
      points.push_back(lifted(p[0], p[1], state_.function.expr.value(p)));
    }
    batch.add_polyline(points, colors[k], 3.0f);
  }
}

// The 3D box around the surface: thin lines, hidden where the surface stands in front of them.
void App::add_box_edges(LineBatch& batch, float aspect) {
  const bool dark = state_.ui.dark_theme;
  const Color edge = dark ? Color{0.75f, 0.75f, 0.78f, 0.55f} : Color{0.25f, 0.25f, 0.28f, 0.6f};
  for (const auto& [a, b] : box_axes(state_, aspect).edges) batch.add_segment(a, b, edge, 1.2f, 0);
}

int App::mesh_resolution() const {
  if (state_.view.mesh_resolution > 0) return state_.view.mesh_resolution;
  const bool moving = state_.ui.interacting || drag_.active || state_.playback.playing;
  return moving ? k_coarse_resolution : k_fine_resolution;
}

void App::render_scene(const Layout& layout) {
  int framebuffer_width = 1, framebuffer_height = 1;
  glfwGetFramebufferSize(window_, &framebuffer_width, &framebuffer_height);
  glViewport(0, 0, framebuffer_width, framebuffer_height);
  const bool dark = state_.ui.dark_theme;
  const Rgb background = theme_colors(dark).scene;
  glClearColor(static_cast<float>(background.r), static_cast<float>(background.g),
               static_cast<float>(background.b), 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  if (landscape_shown()) {
    render_landscape(layout);
    return;
  }

  render_view(layout.scene_viewport, 1.0f, mesh_resolution(), heatmap_cache_.get());
  glViewport(0, 0, framebuffer_width, framebuffer_height);
}

// The scene (surface or heatmap, trajectories, markers) into `viewport` of the bound framebuffer;
// `pixel_scale` widens lines for pictures larger than the window.
void App::render_view(const Viewport& viewport, float pixel_scale, int resolution,
                      HeatmapCache* heatmap_cache) {
  const bool dark = state_.ui.dark_theme;
  Shading shading;
  shading.value_min = state_.view.value_min;
  shading.value_max = state_.view.value_max;
  shading.log_scale = state_.view.log_scale;
  shading.contours = state_.view.contours;
  shading.line_scale = pixel_scale * state_.ui.dpi_scale * (state_.ui.presentation ? 2.0f : 1.0f);
  shading.color_by_curvature = state_.view.color_by_curvature;
  shading.curvature_range = state_.view.curvature_range;
  const Expr& expr = state_.function.expr;
  for (size_t i = 0; i < expr.parameters().size(); ++i) {
    shading.parameters.emplace_back(expr.parameters()[i].name,
                                    static_cast<float>(expr.parameter_values()[i]));
  }

  LineStyle style;
  style.viewport_width = static_cast<float>(viewport.width);
  style.viewport_height = static_cast<float>(viewport.height);
  style.line_scale = shading.line_scale;
  if (state_.view.three_d) {
    SurfaceSettings surface;
    const ViewBox& box = state_.function.domain;
    surface.domain_x_min = box.x_min;
    surface.domain_y_min = box.y_min;
    surface.domain_width = box.x_max - box.x_min;
    surface.domain_height = box.y_max - box.y_min;
    surface.height_scale = state_.view.height_scale;
    surface.resolution = resolution;
    surface.surface_contours = state_.view.surface_contours;
    surface.floor_contours = state_.view.floor_contours;
    surface.floor_height = k_floor_height;
    surface.floor_color = dark ? std::array<float, 3>{0.16f, 0.16f, 0.18f}
                               : std::array<float, 3>{0.85f, 0.85f, 0.87f};
    formula_renderer_.draw_surface(shading, surface, state_.view.camera, viewport);
    style.transform =
        state_.view.camera.view_projection(style.viewport_width / style.viewport_height);
    style.depth_bias = 0.0015f;
  } else {
    // While a drag or slider moves the picture every frame, a quarter of the pixels is enough.
    const int reduction = state_.ui.interacting ? k_dragging_reduction : 1;
    formula_renderer_.draw_heatmap(shading, state_.view.view2d, viewport, state_.view.arrows,
                                   heatmap_cache, reduction);
    style.transform =
        view2d_transform(state_.view.view2d, style.viewport_width, style.viewport_height);
  }
  glEnable(GL_SCISSOR_TEST);
  glScissor(viewport.x, viewport.y, viewport.width, viewport.height);
  glDepthMask(GL_FALSE);
  style.current_step = static_cast<float>(state_.playback.step);
  style.tail_steps = static_cast<float>(state_.playback.tail_steps);
  lines_.draw(0, style);
  LineBatch markers;
  if (state_.view.three_d && state_.view.axes) {
    add_box_edges(markers, style.viewport_width / style.viewport_height);
  }
  add_curvature_marks(markers);
  build_marker_batch(markers);
  add_hover_arrows(markers);
  lines_.upload(1, markers);
  style.current_step = -1.0f;
  style.tail_steps = 0.0f;
  lines_.draw(1, style);
  glDepthMask(GL_TRUE);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
}

// ==== headless modes and the loop
// =================================================================

int App::benchmark() {
  const int frames = options_.frames > 0 ? options_.frames : 120;
  if (options_.scene_path.empty()) {  // 8 optimizers x 5000 steps on Rosenbrock
    state_.optimizers.clear();
    select_builtin_function(
        state_, static_cast<int>(
                    std::find_if(test_functions().begin(), test_functions().end(),
                                 [](const TestFunction& f) { return f.name == "rosenbrock"; }) -
                    test_functions().begin()));
    state_.view.log_scale = true;
    state_.run.steps = 5000;
    for (int i = 0; i < 8; ++i) {
      add_optimizer(
          state_, optimizer_registry()[static_cast<size_t>(i) % optimizer_registry().size()].name);
      OptimizerSlot& slot = state_.optimizers.back();
      slot.start_x = -1.8 + 0.2 * i;
      slot.start_y = 2.5 - 0.15 * i;
      if (slot.optimizer->hyperparameters().has("lr"))
        slot.optimizer->hyperparameters().set("lr", 2e-4 * (1 + i));
    }
  }
  state_.playback.loop = true;
  state_.playback.playing = true;
  state_.playback.speed = 1000;
  const auto run_frames = [&](int count) {
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < count; ++i) {
      glfwPollEvents();
      frame(k_headless_frame_seconds);
      glFinish();
      glfwSwapBuffers(window_);
    }
    return seconds_since(start) / count;
  };
  run_frames(5);  // warm up: shader compilation, first run, mesh upload
  const double frame_seconds = run_frames(frames);
  // Slider-to-picture latency: a parameter change, the re-run of every trajectory and the frame
  // that shows it, until the GPU has finished.
  const Expr& expr = state_.function.expr;
  double latency = 0.0;
  constexpr int changes = 20;
  for (int i = 0; i < changes; ++i) {
    const Clock::time_point start = Clock::now();
    if (!expr.parameters().empty()) {
      const FormulaParameter& parameter = expr.parameters().back();
      set_formula_parameter(state_, static_cast<int>(expr.parameters().size()) - 1,
                            parameter.min + (parameter.max - parameter.min) * (0.4 + 0.01 * i));
    } else {
      state_.run.stale = true;
    }
    frame(k_headless_frame_seconds);
    glFinish();
    latency += seconds_since(start);
    glfwSwapBuffers(window_);
  }
  int total_steps = 0;
  for (const Trajectory& trajectory : state_.run.trajectories) total_steps += trajectory.size() - 1;
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  std::printf(
      "view=%s size=%dx%d optimizers=%zu steps=%d mesh=%d frame_ms=%.2f fps=%.1f "
      "slider_latency_ms=%.2f parallel_shader_compile=%d renderer=%s\n",
      state_.view.three_d ? "3d" : "2d", width, height, state_.optimizers.size(), total_steps,
      state_.view.three_d ? mesh_resolution() : 0, 1e3 * frame_seconds, 1.0 / frame_seconds,
      1e3 * latency / changes, GLAD_GL_KHR_parallel_shader_compile,
      reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  return 0;
}

// Screenshot, export and input-replay runs: a fixed number of frames at 60 FPS of simulated time,
// then the pictures and files they asked for.
int App::run_headless() {
  if (!options_.compare_path.empty()) start_headless_comparison();
  int frames = options_.frames > 0 ? options_.frames : 60;
  if (replay_) frames = std::max(frames, replay_->last_frame() + 1);
  for (int i = 0; i < frames || state_.compare.session->busy() || state_.compare.snapshot.running;
       ++i) {
    glfwPollEvents();
    if (replay_) {
      for (std::string& path : replay_->deliver(i, window_)) dropped_paths_.push_back(path);
    }
    if (!options_.then_formula.empty() && i == frames / 2) {
      state_.function.editor_text = options_.then_formula;
      apply_formula_text(state_);
    }
    const Clock::time_point frame_start = Clock::now();
    frame(k_headless_frame_seconds);
    if (state_.compare.session->busy()) note_comparison_frame(seconds_since(frame_start));
    while (formula_renderer_.compiling()) formula_renderer_.poll();  // pictures are final
    if (i + 1 < frames) glfwSwapBuffers(window_);
  }
  // Redraw the last frame with every shader in place, then capture it.
  frame(0.0);
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  if (!options_.screenshot_path.empty()) {
    save_framebuffer_png(options_.screenshot_path, width, height);
  }
  if (!options_.layout_path.empty()) write_layout_report();
  // What Ctrl+S saves, in the state the picture shows (exports pause the playback).
  int exit_code = save_scene_at_exit();
  exit_code = std::max(exit_code, run_headless_exports());
  if (!options_.compare_path.empty()) exit_code = std::max(exit_code, finish_headless_comparison());
  if (!state_.function.error.empty()) {
    std::fprintf(stderr, "lossviz: formula: %s\n", state_.function.error.c_str());
  }
  return exit_code;
}

// --layout-out: the geometry of the last frame, so tests can find ticks and colors in the picture.
void App::write_layout_report() const {
  const auto rect = [](const Rect& r) {
    return nlohmann::json::array({r.x, r.y, r.width, r.height});
  };
  const Layout& layout = last_layout_;
  const float font = last_font_size_;
  const auto ticks = [](const std::vector<ScreenTick>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const ScreenTick& tick : list) {
      out.push_back({{"at", tick.at}, {"value", tick.value}, {"label", tick.label}});
    }
    return out;
  };
  const View2D& view = state_.view.view2d;
  nlohmann::json colorbar_ticks = nlohmann::json::array();
  const ColorbarGeometry bar = colorbar_geometry(layout.scene, font);
  for (const auto& tick : value_scale_ticks(state_.view).major) {
    colorbar_ticks.push_back({{"y", bar.y_of(tick.t)},
                              {"value", value_at_scale(state_.view, tick.t)},
                              {"label", tick.label}});
  }
  const nlohmann::json report = {
      {"lesson", rect(layout.lesson)},
      {"view", rect(layout.view)},
      // The picture: the network landscape's plot when it is shown, else the function's view.
      {"scene", rect(landscape_shown() ? landscape_frame_.plot : layout.scene)},
      {"plots", rect(layout.plots)},
      {"font_size", font},
      {"axes", state_.view.axes},
      {"view2d",
       {{"center", {view.center_x, view.center_y}}, {"units_per_pixel", view.units_per_pixel}}},
      {"x_ticks",
       ticks(view2d_x_ticks(view, layout.scene, layout.pixels_per_point, k_x_tick_spacing * font))},
      {"y_ticks",
       ticks(view2d_y_ticks(view, layout.scene, layout.pixels_per_point, k_y_tick_spacing * font))},
      {"colorbar",
       {{"left", bar.left},
        {"width", bar.width},
        {"top", bar.top},
        {"bottom", bar.bottom},
        {"ticks", colorbar_ticks}}}};
  try {
    write_file_atomically(options_.layout_path, report.dump(2) + "\n");
  } catch (const InputError& error) {
    std::fprintf(stderr, "lossviz: %s\n", error.what());
  }
}

int App::save_scene_at_exit() {
  if (options_.save_scene_path.empty()) return 0;
  try {
    save_scene(options_.save_scene_path, capture_scene(state_));
    return 0;
  } catch (const InputError& error) {
    std::fprintf(stderr, "lossviz: --save-scene: %s\n", error.what());
    return 1;
  }
}

int App::run() {
  if (!options_.input_path.empty()) {
    replay_ = std::make_unique<InputReplay>(load_input_script(options_.input_path));
  }
  headless_ = !options_.screenshot_path.empty() || options_.benchmark ||
              !options_.exports.empty() || !options_.compare_path.empty() ||
              !options_.save_scene_path.empty() || replay_ != nullptr;
  if (headless_) check_scene_file_usable();
  if (!options_.surface_path.empty()) open_surface_file(options_.surface_path);  // before any GL
  if (!create_window()) return 1;
  setup_imgui();
  formula_renderer_.initialize();
  heightfield_renderer_.initialize();
  lines_.initialize();
  heatmap_cache_ = std::make_unique<HeatmapCache>();
  load_initial_scene();
  // Autosave runs in interactive sessions; a headless run joins in only when the state folder is
  // named (LOSSVIZ_STATE_DIR, as tests do), so scripted runs leave no files behind.
  if (!headless_ || std::getenv("LOSSVIZ_STATE_DIR") != nullptr) {
    autosave_ = std::make_unique<Autosave>(Autosave::default_directory());
    if (const auto recovered = autosave_->begin()) state_.ui.recovery_path = *recovered;
  }
  if (options_.network_demo) run_network_demo();
  int exit_code = 0;
  if (options_.benchmark) {
    exit_code = benchmark();
  } else if (headless_) {
    exit_code = run_headless();
  } else {
    Clock::time_point previous = Clock::now();
    while (!glfwWindowShouldClose(window_)) {
      const bool busy = state_.playback.playing || state_.ui.interacting || drag_.active ||
                        formula_renderer_.compiling() || state_.network.session->busy() ||
                        state_.compare.session->busy() || state_.run.session->busy();
      if (busy) {
        glfwPollEvents();
      } else {
        glfwWaitEventsTimeout(0.25);  // idle: no redraw until something happens
      }
      const double seconds = std::min(seconds_since(previous), 0.1);
      previous = Clock::now();
      frame(seconds);
      glfwSwapBuffers(window_);
      if (autosave_) autosave_->save_if_due(scene_to_json(capture_scene(state_)), glfwGetTime());
    }
  }
  if (autosave_) autosave_->end();
  if (animation_) finish_animation(true, "");
  if (!headless_) exit_code = std::max(exit_code, save_scene_at_exit());
  state_.network.session.reset();  // stops and joins the worker before the GL context goes
  state_.run.session.reset();
  state_.compare.session.reset();
  lines_.destroy();
  heatmap_cache_.reset();
  heightfield_renderer_.destroy();
  glDeleteTextures(1, &state_.network.regions_texture);
  formula_renderer_.destroy();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
  return exit_code;
}

}  // namespace lv::app
