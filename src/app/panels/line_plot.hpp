// Line plots drawn with ImGui draw lists, shared by the Network panel's plots (interpolation,
// sharpness during training): axes with ticks, curves with sample dots, optional horizontal
// reference curves drawn dashed, vertical markers, a title and a hover readout of every curve.
#pragma once

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

namespace lv::app {

struct Series {
  const std::vector<double>* x;
  const std::vector<double>* y;
  ImU32 color;
  const char* name;
  bool dashed = false;  // a reference (a limit such as 2/lr), drawn dashed without dots
};

struct LinePlotOptions {
  bool log_y = false;
  double x_min = 0.0, x_max = 1.0;
  const char* x_name = "x";                               // in the hover readout
  std::vector<std::pair<double, const char*>> x_markers;  // labelled vertical lines
};

// Draws the plot across `size` at the cursor (an invisible button takes the space).
void draw_line_plot(const char* title, const std::vector<Series>& series,
                    const LinePlotOptions& options, ImVec2 size);

// A legend line: "- name" in each series' color.
void draw_legend(const std::vector<Series>& series);

}  // namespace lv::app
