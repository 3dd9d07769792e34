// The window's panels, one function (and one file) each. A panel draws itself with Dear ImGui
// and edits AppState; requests that need files or the viewport go through AppState::ui.
#pragma once

#include <array>

#include "app_state.hpp"

namespace lv::app {

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;  // ImGui (top-left origin) pixels
};

// An optimizer's color as text or plot lines on the current theme's panels: the palette's colors
// as they are (they keep 3:1 contrast on both themes), a user's color that would not darkened or
// lightened until it does (lv::readable_on).
std::array<float, 4> readable_color(const AppState& state, const std::array<float, 3>& color);

void draw_function_panel(AppState& state);
// A model on data's samples and current fits, and the mini-batch readout (data_panel.cpp).
void draw_data_panel(AppState& state);
void draw_optimizers_panel(AppState& state);
void draw_playback_panel(AppState& state);
void draw_view_panel(AppState& state);
void draw_scenes_panel(AppState& state);
// Undo and Redo of scene changes (ui.undo), under the panels (scenes_panel.cpp).
void draw_undo_buttons(AppState& state);
void draw_export_panel(AppState& state);
void draw_plots_panel(AppState& state, const Rect& area);
void draw_lesson_panel(AppState& state, const Rect& area);
// The height the lesson strip needs at `width` (0 without a lesson): laid out before the picture.
float lesson_panel_height(const AppState& state, float width);
// The main view's axes, grid, known critical points and colorbar around the picture `plot`
// (axes_overlay.cpp); `pixels_per_point`: framebuffer pixels per ImGui pixel.
void draw_view_axes(const AppState& state, const Rect& plot, float pixels_per_point);
// The KKT arrows (∇f, λ_i ∇g_i) and active constraints at each constrained run's point, 2D view
// (kkt_overlay.cpp).
void draw_kkt_overlay(const AppState& state, const Rect& plot, float pixels_per_point);
// `regularized` runs: penalty level set, λ path, both minimizers (regularization_overlay.cpp).
void draw_regularization_overlay(const AppState& state, const Rect& plot, float pixels_per_point);
void draw_help_overlay(AppState& state);
void draw_recovery_prompt(AppState& state);
void draw_hover_readout(AppState& state);
void draw_network_panel(AppState& state);
void draw_compare_panel(AppState& state);
// The comparison's results (table, box plot, "Use best settings", CSV) over the scene `area`.
void draw_compare_window(AppState& state, const Rect& area);

}  // namespace lv::app
