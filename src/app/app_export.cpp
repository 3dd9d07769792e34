// The Export panel's work, done by the frame loop between frames: offscreen PNGs of the view at
// any size, figures and plots (src/core/plot), trajectories, the surface grid and mesh
// (src/core/io), and the trajectory animation piped to ffmpeg a few frames per UI frame (a
// numbered PNG sequence when ffmpeg is not installed).

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app.hpp"
#include "common/errors.hpp"
#include "files/atomic_file.hpp"
#include "functions/test_function.hpp"
#include "io/mesh_export.hpp"
#include "io/trajectory_io.hpp"
#include "optim/run_label.hpp"
#include "plot/colormap.hpp"
#include "plot/figure_export.hpp"
#include "render/framebuffer_capture.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

constexpr int k_export_mesh_resolution = 256;  // 3D surface cells per side in exported pictures
constexpr int k_figure_samples = 240;          // landscape samples per side (as lossviz-cli plot)
constexpr double k_animation_budget_seconds = 0.03;  // per UI frame, so the window stays responsive
constexpr size_t k_recent_files = 8;

using Clock = std::chrono::steady_clock;

std::string extension_of(const std::string& path) {
  return std::filesystem::path(path).extension().string();
}

void require_extension(const std::string& path, std::initializer_list<const char*> allowed) {
  const std::string extension = extension_of(path);
  std::string list;
  for (const char* candidate : allowed) {
    if (extension == candidate) return;
    list += std::string(list.empty() ? "" : ", ") + candidate;
  }
  throw InputError("cannot write '" + path + "': use one of " + list);
}

void require_directory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent)) {
    throw InputError("cannot write '" + path + "': no directory '" + parent.string() + "'");
  }
}

// The single-quoted shell word for `text`.
std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// ffmpeg on PATH, or LOSSVIZ_FFMPEG when set (an empty or missing program means "none", which is
// how the PNG-sequence fallback is tested on machines that have ffmpeg).
std::string find_ffmpeg() {
  if (const char* forced = std::getenv("LOSSVIZ_FFMPEG")) {
    return ::access(forced, X_OK) == 0 ? std::string(forced) : std::string();
  }
  const char* path = std::getenv("PATH");
  std::string directories = path ? path : "";
  size_t start = 0;
  while (start <= directories.size()) {
    const size_t end = std::min(directories.find(':', start), directories.size());
    const std::string candidate = directories.substr(start, end - start) + "/ffmpeg";
    if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

std::vector<const Trajectory*> visible_trajectories(const AppState& state,
                                                    std::vector<const OptimizerSlot*>* slots) {
  std::vector<const Trajectory*> shown;
  for (size_t i = 0; i < state.optimizers.size() && i < state.run.trajectories.size(); ++i) {
    if (!state.optimizers[i].visible || state.run.trajectories[i].empty()) continue;
    shown.push_back(&state.run.trajectories[i]);
    if (slots) slots->push_back(&state.optimizers[i]);
  }
  return shown;
}

std::string slot_label(const OptimizerSlot& slot) {
  return slot.label.empty() ? run_label(*slot.optimizer) : slot.label;
}

std::string function_title(const AppState& state) {
  if (state.function.builtin >= 0) {
    return test_functions()[static_cast<size_t>(state.function.builtin)].title;
  }
  return "f(x, y) = " + state.function.expr.text();
}

std::vector<PlotRun> plot_runs(const AppState& state) {
  std::vector<const OptimizerSlot*> slots;
  const std::vector<const Trajectory*> shown = visible_trajectories(state, &slots);
  std::vector<PlotRun> runs;
  for (size_t k = 0; k < shown.size(); ++k) {
    const auto& color = slots[k]->color;
    runs.push_back(
        make_plot_run(*shown[k], slot_label(*slots[k]), {color[0], color[1], color[2], 1.0}));
  }
  return runs;
}

Figure landscape_figure(const AppState& state, const Viewport& viewport) {
  const ViewBox region = state.view.three_d
                             ? state.function.domain
                             : visible_region(state.view.view2d, static_cast<float>(viewport.width),
                                              static_cast<float>(viewport.height));
  LandscapePanel panel;
  panel.grid = sample_formula(state.function.expr, region.x_min, region.x_max, region.y_min,
                              region.y_max, k_figure_samples, k_figure_samples);
  panel.colormap = colormaps()[static_cast<size_t>(state.view.colormap)].name;
  panel.levels = state.view.contours;
  panel.log_scale = state.view.log_scale;
  Figure figure;
  figure.title = function_title(state);
  figure.columns = {{1.0, {panel}}};
  figure.runs = plot_runs(state);
  return figure;
}

Figure loss_figure(const AppState& state) {
  Figure figure;
  figure.title = function_title(state);
  figure.runs = plot_runs(state);
  if (figure.runs.empty()) throw InputError("loss plots: there are no runs to plot");
  CurvePanel loss, gradient;
  loss.log_y = gradient.log_y = state.ui.plots_log_y;
  gradient.quantity = CurveQuantity::GradientNorm;
  figure.columns = {{1.0, {loss, gradient}}};
  return figure;
}

// Returns what was written (several CSV files are named by their pattern).
std::string save_trajectories(const AppState& state, const std::string& path) {
  require_extension(path, {".csv", ".json"});
  std::vector<const OptimizerSlot*> slots;
  const std::vector<const Trajectory*> shown = visible_trajectories(state, &slots);
  if (shown.empty()) throw InputError("cannot write '" + path + "': there are no runs");
  if (extension_of(path) == ".json") {
    nlohmann::json runs = nlohmann::json::array();
    for (size_t k = 0; k < shown.size(); ++k) {
      RunLabel label;
      label.optimizer = slots[k]->optimizer->name();
      label.hyperparameters = hyperparameters_json(slots[k]->optimizer->hyperparameters());
      if (state.run.schedule) {
        label.schedule = state.run.schedule->name();
        label.schedule_parameters = hyperparameters_json(state.run.schedule->hyperparameters());
      }
      nlohmann::json run = trajectory_json(*shown[k], label);
      run["label"] = slot_label(*slots[k]);
      runs.push_back(run);
    }
    const nlohmann::json document = {{"function", function_title(state)},
                                     {"formula", state.function.expr.text()},
                                     {"runs", runs}};
    write_file_atomically(path, document.dump(1) + "\n");
    return path;
  }
  if (shown.size() == 1) {
    write_file_atomically(path, trajectory_csv(*shown[0]));
    return path;
  }
  // Several runs: the CSV format holds one, so "runs.csv" becomes runs-1.csv, runs-2.csv, ...
  const std::filesystem::path target(path);
  for (size_t k = 0; k < shown.size(); ++k) {
    const std::filesystem::path numbered =
        target.parent_path() /
        (target.stem().string() + "-" + std::to_string(k + 1) + target.extension().string());
    write_file_atomically(numbered.string(), trajectory_csv(*shown[k]));
  }
  return (target.parent_path() / (target.stem().string() + "-1.." + std::to_string(shown.size()) +
                                  target.extension().string()))
      .string();
}

void save_surface_export(const AppState& state, const std::string& path, bool mesh) {
  if (mesh) {
    require_extension(path, {".obj", ".stl"});
  } else {
    require_extension(path, {".csv", ".h5"});
  }
  const ViewBox& box = state.function.domain;
  const int samples = std::clamp(state.exports.grid_samples, 2, 4096);
  const SampledGrid grid = sample_formula(state.function.expr, box.x_min, box.x_max, box.y_min,
                                          box.y_max, samples, samples);
  std::vector<MeshPolyline> polylines;
  std::vector<const OptimizerSlot*> slots;
  const std::vector<const Trajectory*> shown = visible_trajectories(state, &slots);
  for (size_t k = 0; mesh && k < shown.size(); ++k) {
    MeshPolyline polyline{slot_label(*slots[k]), {}};
    for (int row = 0; row < shown[k]->size(); ++row) {
      const auto x = shown[k]->x(row);
      polyline.points.push_back({x[0], x[1], shown[k]->loss[static_cast<size_t>(row)]});
    }
    polylines.push_back(std::move(polyline));
  }
  save_surface(path, grid, polylines);
}

// Leaves the window's framebuffer bound however the export ends.
struct RestoreWindowFramebuffer {
  ~RestoreWindowFramebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }
};

}  // namespace

struct App::AnimationExport {
  std::string path, temporary, frames_directory;
  int fps = 30, frame_count = 2, next_frame = 0;
  std::FILE* pipe = nullptr;  // ffmpeg's stdin; null: writing PNG frames
  std::unique_ptr<OffscreenTarget> target;
  std::vector<unsigned char> pixels;
};

void App::process_exports() {
  ExportState& exports = state_.exports;
  if (animation_ && exports.cancel_request) finish_animation(true, "");
  exports.cancel_request = false;
  if (animation_) continue_animation();
  while (!exports.requests.empty() && !animation_) {
    const ExportRequest request = exports.requests.front();
    exports.requests.erase(exports.requests.begin());
    run_export(request);
  }
}

void App::report_export(const std::string& message, const std::string& path, bool failed) {
  ExportState& exports = state_.exports;
  exports.message = message;
  if (headless_ || failed) std::fprintf(stderr, "lossviz: %s\n", message.c_str());
  failed_exports_ += failed;
  if (path.empty()) return;
  std::erase(exports.recent, path);
  exports.recent.insert(exports.recent.begin(), path);
  if (exports.recent.size() > k_recent_files) exports.recent.resize(k_recent_files);
}

void App::run_export(const ExportRequest& request) {
  while (formula_renderer_.compiling()) formula_renderer_.poll();  // the final picture
  const std::string& path = request.path;
  try {
    if (path.empty()) throw InputError("export: the path is empty");
    std::string written = path;
    switch (request.kind) {
      case ExportKind::ViewImage: {
        require_extension(path, {".png"});
        const OffscreenTarget target(state_.exports.width, state_.exports.height);
        const RestoreWindowFramebuffer restore;
        render_offscreen(target);
        save_framebuffer_png(path, target.width(), target.height());
        break;
      }
      case ExportKind::Figure:
        save_figure(landscape_figure(state_, compute_layout().scene_viewport), path);
        break;
      case ExportKind::LossPlots:
        save_figure(loss_figure(state_), path);
        break;
      case ExportKind::Trajectories:
        written = save_trajectories(state_, path);
        break;
      case ExportKind::SurfaceGrid:
      case ExportKind::Mesh:
        save_surface_export(state_, path, request.kind == ExportKind::Mesh);
        break;
      case ExportKind::Animation:
        start_animation(path);
        return;  // reported when it finishes
    }
    report_export("wrote " + written, path, false);
  } catch (const InputError& error) {
    report_export(std::string(error.what()) + " (nothing was overwritten)", "", true);
  }
}

// The current view into `target`, showing what the window shows: the same 2D region (the zoom is
// scaled so it fits) or the same camera, with lines scaled along with the picture.
void App::render_offscreen(const OffscreenTarget& target) {
  const Viewport window = compute_layout().scene_viewport;
  const float pixel_scale =
      std::clamp(static_cast<float>(target.width()) / window.width, 0.5f, 8.0f);
  const double window_units_per_pixel = state_.view.view2d.units_per_pixel;
  if (!state_.view.three_d) {
    // The whole region the window shows stays visible (the other direction gains margin).
    state_.view.view2d.units_per_pixel *=
        std::max(static_cast<double>(window.width) / target.width(),
                 static_cast<double>(window.height) / target.height());
    rebuild_trajectory_batch();  // paths are simplified to the pixel size
  }
  target.bind();
  const bool dark = state_.ui.dark_theme;
  glClearColor(dark ? 0.08f : 0.94f, dark ? 0.08f : 0.94f, dark ? 0.09f : 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  render_view({0, 0, target.width(), target.height()}, pixel_scale,
              std::max(state_.view.mesh_resolution, k_export_mesh_resolution));
  if (!state_.view.three_d) {
    state_.view.view2d.units_per_pixel = window_units_per_pixel;
    trajectory_batch_stale_ = true;
  }
}

void App::start_animation(const std::string& path) {
  require_extension(path, {".gif", ".mp4"});
  require_directory(path);
  const ExportState& exports = state_.exports;
  auto animation = std::make_shared<AnimationExport>();
  animation->path = path;
  animation->fps = std::clamp(exports.fps, 1, 120);
  animation->frame_count =
      std::max(2, static_cast<int>(std::lround(animation->fps * exports.seconds)));
  animation->target = std::make_unique<OffscreenTarget>(exports.width, exports.height);
  const std::string ffmpeg = find_ffmpeg();
  if (ffmpeg.empty()) {
    const std::filesystem::path target(path);
    animation->frames_directory =
        (target.parent_path() / (target.stem().string() + "_frames")).string();
    std::error_code error;
    std::filesystem::create_directories(animation->frames_directory, error);
    if (error) {
      throw InputError("cannot create '" + animation->frames_directory + "': " + error.message());
    }
  } else {
    // GL rows run bottom to top: ffmpeg flips them. H.264 in yuv420p needs even sides; GIF gets
    // a palette computed from all frames.
    const bool gif = extension_of(path) == ".gif";
    const std::string filters = gif ? "vflip,split[a][b];[a]palettegen[p];[b][p]paletteuse"
                                    : "vflip,pad=ceil(iw/2)*2:ceil(ih/2)*2";
    animation->temporary = path + ".tmp-" + std::to_string(::getpid());
    const std::string command =
        shell_quoted(ffmpeg) + " -nostdin -y -loglevel error -f rawvideo -pix_fmt rgb24 -s " +
        std::to_string(exports.width) + "x" + std::to_string(exports.height) + " -r " +
        std::to_string(animation->fps) + " -i - -vf " + shell_quoted(filters) +
        (gif ? " -f gif " : " -pix_fmt yuv420p -f mp4 ") + shell_quoted(animation->temporary);
    std::signal(SIGPIPE, SIG_IGN);  // ffmpeg quitting early must be an error, not our death
    animation->pipe = ::popen(command.c_str(), "w");
    if (!animation->pipe)
      throw InputError("cannot start ffmpeg: " + std::string(std::strerror(errno)));
  }
  animation_ = std::move(animation);
  state_.exports.animating = true;
  state_.exports.progress = 0.0f;
}

// Renders frames until the budget for this UI frame is spent; frame i shows step
// last·i/(frames-1), so the whole run fits the chosen length.
void App::continue_animation() {
  AnimationExport& animation = *animation_;
  const double window_step = state_.playback.step;
  const int last = last_step(state_);
  const Clock::time_point start = Clock::now();
  std::string error;
  {
    const RestoreWindowFramebuffer restore;
    try {
      while (animation.next_frame < animation.frame_count &&
             std::chrono::duration<double>(Clock::now() - start).count() <
                 k_animation_budget_seconds) {
        state_.playback.step =
            static_cast<double>(last) * animation.next_frame / (animation.frame_count - 1);
        render_offscreen(*animation.target);
        const int width = animation.target->width(), height = animation.target->height();
        if (animation.pipe) {
          animation.pixels.resize(static_cast<size_t>(width) * height * 3);
          glPixelStorei(GL_PACK_ALIGNMENT, 1);
          glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, animation.pixels.data());
          if (std::fwrite(animation.pixels.data(), 1, animation.pixels.size(), animation.pipe) !=
              animation.pixels.size()) {
            throw InputError("ffmpeg stopped reading frames");
          }
        } else {
          char name[32];
          std::snprintf(name, sizeof name, "/frame_%05d.png", animation.next_frame);
          save_framebuffer_png(animation.frames_directory + name, width, height);
        }
        ++animation.next_frame;
      }
    } catch (const InputError& failure) {
      error = failure.what();
    }
  }
  state_.playback.step = window_step;
  state_.exports.progress = static_cast<float>(animation.next_frame) / animation.frame_count;
  if (!error.empty() || animation.next_frame == animation.frame_count) {
    finish_animation(false, error);
  }
}

void App::finish_animation(bool cancelled, std::string error) {
  const std::shared_ptr<AnimationExport> animation = std::move(animation_);
  animation_.reset();
  state_.exports.animating = false;
  state_.exports.progress = 0.0f;
  const std::string& path = animation->path;
  if (animation->pipe) {
    const int status = ::pclose(animation->pipe);
    if (error.empty() && !cancelled && status != 0) {
      error = "ffmpeg failed (status " + std::to_string(status) + ")";
    }
    if (error.empty() && !cancelled &&
        std::rename(animation->temporary.c_str(), path.c_str()) != 0) {
      error = std::strerror(errno);
    }
    if (cancelled || !error.empty()) std::remove(animation->temporary.c_str());
  }
  const std::string frames = std::to_string(animation->next_frame) + " frames";
  if (cancelled) {
    report_export("animation cancelled after " + frames + "; '" + path + "' was not changed", "",
                  false);
  } else if (!error.empty()) {
    report_export("cannot write '" + path + "': " + error + " (nothing was overwritten)", "", true);
  } else if (animation->pipe) {
    report_export("wrote " + path + " (" + frames + ")", path, false);
  } else {
    report_export("ffmpeg is not installed: wrote " + frames + " as PNG to " +
                      animation->frames_directory + "/; encode them with: ffmpeg -framerate " +
                      std::to_string(animation->fps) + " -i " + animation->frames_directory +
                      "/frame_%05d.png " + path,
                  animation->frames_directory, false);
  }
}

// --export KIND=PATH (after the screenshot frames): queue them all, then run frames until every
// export, animations included, has finished. Returns 1 when any export failed.
int App::run_headless_exports() {
  static const std::pair<const char*, ExportKind> kinds[] = {
      {"view", ExportKind::ViewImage},     {"figure", ExportKind::Figure},
      {"plots", ExportKind::LossPlots},    {"trajectories", ExportKind::Trajectories},
      {"grid", ExportKind::SurfaceGrid},   {"mesh", ExportKind::Mesh},
      {"animation", ExportKind::Animation}};
  ExportState& exports = state_.exports;
  if (options_.export_width > 0) {
    exports.width = options_.export_width;
    exports.height = options_.export_height;
  }
  if (options_.export_fps > 0) exports.fps = options_.export_fps;
  if (options_.export_seconds > 0) exports.seconds = options_.export_seconds;
  for (const auto& [name, path] : options_.exports) {
    const auto* kind = std::find_if(std::begin(kinds), std::end(kinds),
                                    [&](const auto& entry) { return name == entry.first; });
    if (kind == std::end(kinds)) {
      report_export("--export: unknown kind '" + name +
                        "' (view, figure, plots, trajectories, grid, mesh, animation)",
                    "", true);
      continue;
    }
    exports.requests.push_back({kind->second, path});
  }
  state_.playback.playing = false;  // the screenshot's step stays while the exports run
  while (!exports.requests.empty() || animation_) {
    glfwPollEvents();
    frame(0.0);
    glfwSwapBuffers(window_);
  }
  return failed_exports_ > 0 ? 1 : 0;
}

}  // namespace lv::app
