// The two themes' background colours, in one place: the scene's clear colour and the panels'
// window background (Dear ImGui's StyleColorsDark / StyleColorsLight WindowBg). Curves, legends
// and labels must stay readable on all of them (tests/gui/theme_test.cpp checks the palette).
#pragma once

#include "plot/colormap.hpp"

namespace lv::app {

struct ThemeColors {
  Rgb scene;  // behind the surface and the heatmap
  Rgb panel;  // behind the plots and the text
};

inline ThemeColors theme_colors(bool dark) {
  if (dark) return {{0.08, 0.08, 0.09}, {0.06, 0.06, 0.06}};
  return {{0.94, 0.94, 0.95}, {0.94, 0.94, 0.94}};
}

}  // namespace lv::app
