// The window's panels, one function (and one file) each. A panel draws itself with Dear ImGui
// and edits AppState; requests that need files or the viewport go through AppState::ui.
#pragma once

#include "app_state.hpp"

namespace lv::app {

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;  // ImGui (top-left origin) pixels
};

void draw_function_panel(AppState& state);
void draw_optimizers_panel(AppState& state);
void draw_playback_panel(AppState& state);
void draw_view_panel(AppState& state);
void draw_scenes_panel(AppState& state);
void draw_plots_panel(AppState& state, const Rect& area);
void draw_lesson_panel(AppState& state, const Rect& area);
void draw_help_overlay(AppState& state);
void draw_hover_readout(AppState& state);

}  // namespace lv::app
