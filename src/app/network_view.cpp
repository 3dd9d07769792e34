// The frame loop's side of the Network panel: picks up the worker's snapshot once per frame,
// uploads the decision regions' picture and each newly published (coarse, then refined) surface
// as textures, and draws the surface in the same 2D/3D views as formulas, with the PCA training
// path on top, as a chart: ticks and axis titles naming the plane's directions (2D) and a
// colorbar of the loss scale; opens surface files.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "app.hpp"
#include "common/errors.hpp"
#include "plot/colormap.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

// The finite range of the loss values (the colormap's range); {0, 1} when nothing is finite.
std::pair<float, float> finite_range(const Mat& values) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (Eigen::Index k = 0; k < values.size(); ++k) {
    const double value = values.data()[k];
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (!(low <= high)) return {0.0f, 1.0f};
  return {static_cast<float>(low), static_cast<float>(std::max(high, low + 1e-12))};
}

HeightField height_field(const Surface& surface) {
  HeightField field;
  field.nx = static_cast<int>(surface.x.size());
  field.ny = static_cast<int>(surface.y.size());
  // Surface::loss is column-major [nx × ny], so loss(i, j) already sits at j·nx + i.
  field.values.assign(surface.loss.data(), surface.loss.data() + surface.loss.size());
  field.x_min = surface.x.front();
  field.x_max = surface.x.back();
  field.y_min = surface.y.front();
  field.y_max = surface.y.back();
  return field;
}

// Text turned 90° counter-clockwise about `center` (reading upwards, as y-axis titles do): the
// glyph quads AddText appends are rotated in place.
void add_vertical_text(ImDrawList* draw, ImVec2 center, ImU32 color, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const int first = draw->VtxBuffer.Size;
  draw->AddText(ImVec2(center.x - 0.5f * size.x, center.y - 0.5f * size.y), color, text.c_str());
  for (int k = first; k < draw->VtxBuffer.Size; ++k) {
    ImVec2& position = draw->VtxBuffer[k].pos;
    const float dx = position.x - center.x, dy = position.y - center.y;
    position = ImVec2(center.x + dy, center.y - dx);
  }
}

void draw_colorbar(ImDrawList* draw, const Rect& bar, const Colormap& colormap,
                   const Colorbar& colorbar, ImU32 text_color, ImU32 frame_color) {
  constexpr int k_strips = 128;
  const float strip = bar.height / k_strips;
  for (int k = 0; k < k_strips; ++k) {  // k = 0 at the top: the high end
    const Rgb color = colormap.sample(1.0 - (k + 0.5) / k_strips);
    const float top = bar.y + k * strip;
    draw->AddRectFilled(ImVec2(bar.x, top), ImVec2(bar.x + bar.width, top + strip + 1.0f),
                        ImGui::ColorConvertFloat4ToU32(ImVec4(static_cast<float>(color.r),
                                                              static_cast<float>(color.g),
                                                              static_cast<float>(color.b), 1.0f)));
  }
  const float right = bar.x + bar.width, bottom = bar.y + bar.height;
  draw->AddRect(ImVec2(bar.x, bar.y), ImVec2(right, bottom), frame_color);
  const float font = ImGui::GetFontSize();
  float widest = 0.0f;
  for (const ScaleTick& tick : thin_ticks(colorbar.ticks, 1.3 * font / bar.height)) {
    const float y = bottom - static_cast<float>(tick.position) * bar.height;
    const ImVec2 size = ImGui::CalcTextSize(tick.label.c_str());
    draw->AddLine(ImVec2(right, y), ImVec2(right + 0.35f * font, y), frame_color);
    draw->AddText(ImVec2(right + 0.5f * font, y - 0.5f * size.y), text_color, tick.label.c_str());
    widest = std::max(widest, size.x);
  }
  add_vertical_text(draw, ImVec2(right + 1.2f * font + widest, bar.y + 0.5f * bar.height),
                    text_color, colorbar.title);
}

}  // namespace

void App::upload_regions() {
  NetworkState& network = state_.network;
  const DecisionRegions& regions = network.snapshot.regions;
  if (network.snapshot.regions_version == network.regions_texture_version || regions.rgba.empty())
    return;
  network.regions_texture_version = network.snapshot.regions_version;
  if (network.regions_texture == 0) {
    glGenTextures(1, &network.regions_texture);
    glBindTexture(GL_TEXTURE_2D, network.regions_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  glBindTexture(GL_TEXTURE_2D, network.regions_texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, regions.size, regions.size, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               regions.rgba.data());
  glBindTexture(GL_TEXTURE_2D, 0);
}

Viewport App::landscape_viewport(const Layout& layout) const {
  const Viewport& scene = layout.scene_viewport;
  const float to_pixels_x = static_cast<float>(scene.width) / std::max(layout.scene.width, 1.0f);
  const float to_pixels_y = static_cast<float>(scene.height) / std::max(layout.scene.height, 1.0f);
  const Rect& plot = landscape_frame_.plot;
  const float below = layout.scene.y + layout.scene.height - (plot.y + plot.height);
  return {scene.x + static_cast<int>(std::lround((plot.x - layout.scene.x) * to_pixels_x)),
          scene.y + static_cast<int>(std::lround(below * to_pixels_y)),
          std::max(1, static_cast<int>(std::lround(plot.width * to_pixels_x))),
          std::max(1, static_cast<int>(std::lround(plot.height * to_pixels_y)))};
}

void App::draw_landscape_axes(const Layout& layout) {
  if (!landscape_shown()) return;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 frame_color = ImGui::GetColorU32(ImGuiCol_Text, 0.6f);
  const float font = ImGui::GetFontSize();
  const Rect& plot = landscape_frame_.plot;
  const Colormap& colormap = colormaps()[static_cast<size_t>(state_.view.colormap)];
  const Colorbar colorbar =
      landscape_colorbar(landscape_min_, landscape_max_, state_.view.log_scale);
  if (state_.view.three_d) {  // no axes in 3D: the colorbar at the scene's right edge
    Rect bar = landscape_frame_.colorbar;
    bar.x = layout.scene.x + layout.scene.width - bar.width - 6.5f * font;
    draw_colorbar(draw, bar, colormap, colorbar, text_color, frame_color);
    return;
  }
  draw_colorbar(draw, landscape_frame_.colorbar, colormap, colorbar, text_color, frame_color);
  const float right = plot.x + plot.width, bottom = plot.y + plot.height;
  draw->AddRect(ImVec2(plot.x, plot.y), ImVec2(right, bottom), frame_color);
  // The visible region of the 2D view (it may be panned and zoomed) in the plot.
  const View2D& view = state_.view.view2d;
  const Viewport viewport = landscape_viewport(layout);
  const double half_width = 0.5 * viewport.width * view.units_per_pixel;
  const double half_height = 0.5 * viewport.height * view.units_per_pixel;
  const int x_count = std::max(2, static_cast<int>(plot.width / (7.0f * font)));
  for (const ScaleTick& tick :
       axis_ticks(view.center_x - half_width, view.center_x + half_width, x_count)) {
    const float x = plot.x + static_cast<float>(tick.position) * plot.width;
    const ImVec2 size = ImGui::CalcTextSize(tick.label.c_str());
    draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 0.35f * font), frame_color);
    draw->AddText(ImVec2(x - 0.5f * size.x, bottom + 0.45f * font), text_color, tick.label.c_str());
  }
  const int y_count = std::max(2, static_cast<int>(plot.height / (5.0f * font)));
  float widest = 0.0f;
  for (const ScaleTick& tick :
       axis_ticks(view.center_y - half_height, view.center_y + half_height, y_count)) {
    const float y = bottom - static_cast<float>(tick.position) * plot.height;
    const ImVec2 size = ImGui::CalcTextSize(tick.label.c_str());
    widest = std::max(widest, size.x);
    draw->AddLine(ImVec2(plot.x - 0.35f * font, y), ImVec2(plot.x, y), frame_color);
    draw->AddText(ImVec2(plot.x - 0.5f * font - size.x, y - 0.5f * size.y), text_color,
                  tick.label.c_str());
  }
  const AxisTitles titles = landscape_axis_titles(state_.network.snapshot);
  const ImVec2 x_title = ImGui::CalcTextSize(titles.x.c_str());
  draw->AddText(ImVec2(plot.x + 0.5f * (plot.width - x_title.x), bottom + 1.9f * font), text_color,
                titles.x.c_str());
  add_vertical_text(draw, ImVec2(plot.x - widest - 1.3f * font, plot.y + 0.5f * plot.height),
                    text_color, titles.y);
}

bool App::landscape_shown() const {
  return state_.network.show_landscape && applied_surface_version_ > 0;
}

void App::refresh_network(const Layout& layout) {
  NetworkState& network = state_.network;
  if (headless_) network.session->wait_for_regions();  // at the size the panel just asked for
  network.snapshot = network.session->snapshot();
  upload_regions();
  const Surface& surface = network.snapshot.surface;
  bool moved = false;
  if (network.snapshot.surface_version != applied_surface_version_ && !surface.is_1d() &&
      surface.stride > 0) {
    applied_surface_version_ = network.snapshot.surface_version;
    heightfield_renderer_.set_heightfield(height_field(surface));
    std::tie(landscape_min_, landscape_max_) = finite_range(surface.loss);
    const ViewBox box{surface.x.front(), surface.x.back(), surface.y.front(), surface.y.back()};
    moved = box.x_min != landscape_box_.x_min || box.x_max != landscape_box_.x_max ||
            box.y_min != landscape_box_.y_min || box.y_max != landscape_box_.y_max;
    landscape_box_ = box;
  }
  // The chart fills the scene: the plot as large as the data's aspect allows beside its axes
  // and colorbar. A new plane, or a new plot size, frames the plane in the 2D view.
  const ViewBox& box = landscape_box_;
  const double aspect = (box.x_max - box.x_min) / (box.y_max - box.y_min);
  landscape_frame_ = landscape_frame(
      layout.scene, std::isfinite(aspect) && aspect > 0 ? aspect : 1.0, ImGui::GetFontSize(), true);
  const Viewport plot = landscape_viewport(layout);
  const bool resized = plot.width != landscape_framed_viewport_.width ||
                       plot.height != landscape_framed_viewport_.height;
  if (applied_surface_version_ > 0 && (moved || (resized && landscape_shown()))) {
    View2D& view = state_.view.view2d;
    view.center_x = 0.5 * (box.x_min + box.x_max);
    view.center_y = 0.5 * (box.y_min + box.y_max);
    view.units_per_pixel =
        std::max((box.x_max - box.x_min) / plot.width, (box.y_max - box.y_min) / plot.height);
    landscape_framed_viewport_ = plot;
  }
  if (heightfield_colormap_ != state_.view.colormap) {
    heightfield_renderer_.set_colormap(state_.view.colormap);
    heightfield_colormap_ = state_.view.colormap;
  }
  while (heightfield_renderer_.compiling()) {
    heightfield_renderer_.poll();
    if (!headless_) break;  // headless pictures are final: wait for the shaders
  }
}

void App::render_landscape(const Layout& layout) {
  const Viewport viewport =
      state_.view.three_d ? layout.scene_viewport : landscape_viewport(layout);
  ViewState view = state_.view;  // the formula's range stays untouched for when it comes back
  view.value_min = landscape_min_;
  view.value_max = landscape_max_;
  Shading shading;
  shading.value_min = view.value_min;
  shading.value_max = view.value_max;
  shading.log_scale = view.log_scale;
  shading.contours = view.contours;
  shading.line_scale = state_.ui.dpi_scale * (state_.ui.presentation ? 2.0f : 1.0f);

  LineStyle style;
  style.viewport_width = static_cast<float>(viewport.width);
  style.viewport_height = static_cast<float>(viewport.height);
  style.line_scale = shading.line_scale;
  const ViewBox& box = landscape_box_;
  const auto lifted_point = [&](double x, double y, double value) -> Vector3 {
    if (!view.three_d) return {static_cast<float>(x), static_cast<float>(y), 0.0f};
    const double height =
        std::clamp(scaled_value(view, std::isfinite(value) ? value : 1e300), 0.0f, 1.0f);
    return {static_cast<float>(2.0 * (x - box.x_min) / (box.x_max - box.x_min) - 1.0),
            static_cast<float>(2.0 * (y - box.y_min) / (box.y_max - box.y_min) - 1.0),
            static_cast<float>(height * view.height_scale + 0.004)};
  };
  if (view.three_d) {
    SurfaceSettings surface;
    surface.domain_x_min = box.x_min;
    surface.domain_y_min = box.y_min;
    surface.domain_width = box.x_max - box.x_min;
    surface.domain_height = box.y_max - box.y_min;
    surface.height_scale = view.height_scale;
    surface.resolution = mesh_resolution();
    surface.surface_contours = view.surface_contours;
    surface.floor_contours = view.floor_contours;
    surface.floor_color = state_.ui.dark_theme ? std::array<float, 3>{0.16f, 0.16f, 0.18f}
                                               : std::array<float, 3>{0.85f, 0.85f, 0.87f};
    heightfield_renderer_.draw_surface(shading, surface, view.camera, viewport);
    style.transform = view.camera.view_projection(style.viewport_width / style.viewport_height);
    style.depth_bias = 0.0015f;
  } else {
    heightfield_renderer_.draw_heatmap(shading, view.view2d, viewport, false);
    style.transform = view2d_transform(view.view2d, style.viewport_width, style.viewport_height);
  }
  // The PCA plane's training path: white from the initial weights to the final ones (origin).
  const NetworkSnapshot& snapshot = state_.network.snapshot;
  LineBatch path;
  const size_t points = std::min(snapshot.path_x.size(), snapshot.path_loss.size());
  const Color white{1.0f, 1.0f, 1.0f, 1.0f};
  for (size_t k = 0; k + 1 < points; ++k) {
    path.add_segment(
        lifted_point(snapshot.path_x[k], snapshot.path_y[k], snapshot.path_loss[k]),
        lifted_point(snapshot.path_x[k + 1], snapshot.path_y[k + 1], snapshot.path_loss[k + 1]),
        white, 2.5f, 0.0f);
  }
  if (points > 0) {
    path.add_marker(lifted_point(snapshot.path_x[0], snapshot.path_y[0], snapshot.path_loss[0]),
                    {0.6f, 0.6f, 0.6f, 1.0f}, 9.0f, 0.0f);
    path.add_marker(lifted_point(snapshot.path_x[points - 1], snapshot.path_y[points - 1],
                                 snapshot.path_loss[points - 1]),
                    white, 13.0f, 0.0f);
  }
  glEnable(GL_SCISSOR_TEST);
  glScissor(viewport.x, viewport.y, viewport.width, viewport.height);
  glDepthMask(GL_FALSE);
  lines_.upload(1, path);
  lines_.draw(1, style);
  glDepthMask(GL_TRUE);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  int framebuffer_width = 1, framebuffer_height = 1;
  glfwGetFramebufferSize(window_, &framebuffer_width, &framebuffer_height);
  glViewport(0, 0, framebuffer_width, framebuffer_height);
}

// --network-demo: a 2-16-16-3 tanh MLP trained with Adam on spirals for 40 epochs (a fifth held
// out for validation), the line and a trained Bézier curve from its initial to its trained
// weights, the curvature of the trained weights (top-5 eigenvalues checked against the dense
// Hessian, trace, density, per layer, sharpness), then the PCA plane of its training path (or,
// with =random, a filter-normalized random plane; with =hessian, the top Hessian eigenvectors)
// at 41×41, shown (every task waited for: the picture is final).
void App::run_network_demo() {
  NetworkState& network = state_.network;
  network.config.data = "spirals:n=300,noise=0.15,seed=1";
  network.config.hidden = {16, 16};
  network.config.epochs = 40;
  network.config.validation_fraction = 0.2;
  network.landscape.plane = options_.network_demo_plane == "random"    ? LandscapePlane::Random
                            : options_.network_demo_plane == "hessian" ? LandscapePlane::Hessian
                                                                       : LandscapePlane::Pca;
  network.landscape.resolution = 41;
  network.session->start_training(network.config);
  network.session->wait();
  network.interpolation.bezier = true;
  network.session->start_interpolation(network.interpolation);
  network.session->wait();
  network.curvature.dense_check = true;
  network.session->start_curvature(network.curvature);
  network.session->wait();
  network.open_curvature = true;
  network.density_log_y = true;  // the outliers beside the bulk near 0
  network.session->start_landscape(network.landscape);
  network.session->wait();
  network.show_landscape = true;
  network.reveal_frames = 3;
  state_.ui.show_plots = false;  // the formula's runs are not on show
}

// A loss-landscape HDF5 surface from --surface or a scene path ending in .h5, shown like a
// computed landscape with the Network panel in view. Throws InputError naming the file and
// dataset at fault.
void App::open_surface_file(const std::string& path) {
  NetworkState& network = state_.network;
  network.session->open_surface(path);
  network.surface_path = path;
  network.show_landscape = true;
  network.reveal_frames = 3;
  state_.ui.show_plots = false;  // the formula's runs are not on show
}

// The scene Open dialog and --scene: a path ending in .h5 or .hdf5 is opened as a surface, with
// a bad file reported where scene problems are. Returns false for any other path.
bool App::open_if_surface_file(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension != ".h5" && extension != ".hdf5") return false;
  try {
    open_surface_file(path);
    state_.ui.messages.clear();
  } catch (const InputError& error) {
    state_.ui.messages = {error.what()};
    std::fprintf(stderr, "lossviz: %s\n", error.what());
  }
  return true;
}

}  // namespace lv::app
