// Compare panel: tunes every optimizer's main hyperparameters on the current function with the
// same budget and search, on a worker thread (progress bar, cancel), then reports each one at its
// best setting on held-out starts (docs/compare.md): a sortable table, a box/strip plot of the
// final losses on a log axis, "Use best settings" for the race, and the table as CSV.
//
// Contents: settings · progress · results table · box plot · draw_compare_panel ·
//           draw_compare_window
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "common/errors.hpp"
#include "compare/comparison_table.hpp"
#include "compare_actions.hpp"
#include "optim/registry.hpp"
#include "panels/file_browser.hpp"
#include "panels/panels.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

// Runs a request that may be rejected, showing the rejection under the panel.
template <typename Action>
void attempt(CompareState& compare, Action&& action) {
  try {
    action();
  } catch (const InputError& error) {
    compare.message = error.what();
  }
}

// ==== settings
// ====================================================================================

// A greyed-out note that wraps at the panel's edge.
void note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void optimizer_choice(AppState& state) {
  CompareConfig& config = state.compare.config;
  int source = config.panel_optimizers ? 0 : 1;
  ImGui::RadioButton("Optimizers panel", &source, 0);
  ImGui::SameLine();
  ImGui::RadioButton("pick", &source, 1);
  config.panel_optimizers = source == 0;
  if (config.panel_optimizers) {
    note(std::to_string(state.optimizers.size()) +
         " optimizers, each with its other settings fixed");
    return;
  }
  const float height = ImGui::GetTextLineHeightWithSpacing() * 5.5f;
  ImGui::BeginChild("##ticked", ImVec2(0, height), true);
  for (const OptimizerInfo& info : optimizer_registry()) {
    const auto found = std::find(config.ticked.begin(), config.ticked.end(), info.name);
    bool ticked = found != config.ticked.end();
    if (ImGui::Checkbox(info.name.c_str(), &ticked)) {
      if (ticked) {
        config.ticked.push_back(info.name);
      } else {
        config.ticked.erase(found);
      }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.summary.c_str());
  }
  ImGui::EndChild();
}

void budget_and_search(AppState& state) {
  CompareConfig& config = state.compare.config;
  int budget_kind = config.evaluation_budget ? 1 : 0;
  ImGui::Combo("budget", &budget_kind, "steps\0function evaluations\0");
  config.evaluation_budget = budget_kind == 1;
  if (ImGui::InputInt("budget size", &config.budget, 10, 100))
    config.budget = std::clamp(config.budget, 1, 1000000);
  if (ImGui::InputInt("starts per set", &config.starts))
    config.starts = std::clamp(config.starts, 1, 10000);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("tuning starts = held-out starts; each run also gets its own noise seed");
  int search = config.random_search ? 1 : 0;
  ImGui::Combo("search", &search, "grid\0random\0");
  config.random_search = search == 1;
  if (config.random_search) {
    if (ImGui::InputInt("settings", &config.trials, 5, 20))
      config.trials = std::clamp(config.trials, 1, 100000);
  } else if (ImGui::InputInt("grid points", &config.grid_points)) {
    config.grid_points = std::clamp(config.grid_points, 2, 1000);
  }
  if (state.function.builtin >= 0) {
    if (ImGui::InputDouble("tolerance", &config.tolerance, 0.0, 0.0, "%.3g"))
      config.tolerance = std::max(config.tolerance, 0.0);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("steps to tolerance: the first step with f <= known minimum + tolerance");
  } else {
    note("typed formula: no known minimum, no steps to target");
  }
  note(std::to_string(comparison_run_count(state)) +
       " runs; seed, noise, clipping and schedule from the Run section");
}

// ==== progress
// ====================================================================================

void progress_and_start(AppState& state) {
  CompareState& compare = state.compare;
  const CompareSnapshot& snapshot = compare.snapshot;
  if (snapshot.running) {
    const float fraction =
        snapshot.total > 0 ? static_cast<float>(snapshot.done) / snapshot.total : 0.0f;
    char label[64];
    std::snprintf(label, sizeof label, "%ld/%ld runs", snapshot.done, snapshot.total);
    ImGui::ProgressBar(fraction, ImVec2(-ImGui::GetFontSize() * 5.0f, 0), label);
    ImGui::SameLine();
    if (ImGui::Button("cancel##compare")) compare.session->cancel();
  } else if (ImGui::Button("tune and compare")) {
    attempt(compare, [&] { start_comparison(state); });
  }
  if (snapshot.comparison && !snapshot.running) {
    ImGui::SameLine();
    if (ImGui::Button(compare.show_results ? "hide results" : "show results"))
      compare.show_results = !compare.show_results;
  }
  if (!snapshot.message.empty()) ImGui::TextWrapped("%s", snapshot.message.c_str());
  if (!compare.message.empty()) ImGui::TextWrapped("%s", compare.message.c_str());
}

// ==== results table
// ===============================================================================

// The results table's columns, in order.
enum ResultColumn {
  LabelColumn,
  SettingColumn,
  MedianColumn,
  LowerQuartileColumn,
  UpperQuartileColumn,
  SuccessColumn,
  StepsColumn,
  ColumnCount
};

double success_rate(const CompareState& compare, const ContestantResult& result) {
  if (result.final_losses.empty()) return 0.0;
  const double successes = compare.has_target
                               ? target_summary(result).reached
                               : static_cast<double>(result.final_losses.size()) - result.diverged;
  return successes / static_cast<double>(result.final_losses.size());
}

// Numeric sort key of a column (NaN — no value — sorts last).
double sort_key(const CompareState& compare, const ContestantResult& result, int column) {
  switch (column) {
    case MedianColumn:
      return result.median;
    case LowerQuartileColumn:
      return result.lower_quartile;
    case UpperQuartileColumn:
      return result.upper_quartile;
    case SuccessColumn:
      return success_rate(compare, result);
    case StepsColumn:
      return target_summary(result).median_steps;
    default:
      return 0.0;
  }
}

// The row order the table's sort specs ask for (table order: the order compared).
std::vector<size_t> sorted_rows(const CompareState& compare, const Comparison& comparison) {
  std::vector<size_t> order(comparison.results.size());
  std::iota(order.begin(), order.end(), 0);
  const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || specs->SpecsCount == 0) return order;
  const int column = specs->Specs[0].ColumnIndex;
  const bool ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
  const auto before = [&](size_t a, size_t b) {
    const ContestantResult& first = comparison.results[a];
    const ContestantResult& second = comparison.results[b];
    if (column == LabelColumn)
      return ascending ? first.label < second.label : first.label > second.label;
    if (column == SettingColumn) {
      const std::string x = best_setting_text(first), y = best_setting_text(second);
      return ascending ? x < y : x > y;
    }
    const double x = sort_key(compare, first, column), y = sort_key(compare, second, column);
    if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
    return ascending ? x < y : x > y;
  };
  std::stable_sort(order.begin(), order.end(), before);
  return order;
}

void number_cell(double value) {
  if (std::isinf(value)) {
    ImGui::TextUnformatted("inf");
  } else if (std::isnan(value)) {
    ImGui::TextDisabled("-");
  } else {
    ImGui::Text("%.4g", value);
  }
}

ImVec4 result_color(const AppState& state, size_t index) {
  const std::array<float, 3> rgb =
      index < state.compare.colors.size() ? state.compare.colors[index] : palette_color(index);
  const auto color = readable_color(state, rgb);
  return {color[0], color[1], color[2], 1.0f};
}

std::vector<size_t> results_table(const AppState& state, const Comparison& comparison) {
  const CompareState& compare = state.compare;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings;
  std::vector<size_t> order(comparison.results.size());
  std::iota(order.begin(), order.end(), 0);
  if (!ImGui::BeginTable("##comparison", ColumnCount, flags)) return order;
  ImGui::TableSetupColumn("optimizer", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("best hyperparameters", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("median", ImGuiTableColumnFlags_DefaultSort);
  ImGui::TableSetupColumn("q1");
  ImGui::TableSetupColumn("q3");
  ImGui::TableSetupColumn(compare.has_target ? "reached" : "finite",
                          ImGuiTableColumnFlags_PreferSortDescending);
  ImGui::TableSetupColumn("median steps");
  ImGui::TableHeadersRow();
  order = sorted_rows(compare, comparison);
  for (const size_t index : order) {
    const ContestantResult& result = comparison.results[index];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(result_color(state, index), "%s", result.label.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(best_setting_text(result).c_str());
    ImGui::TableNextColumn();
    number_cell(result.median);
    ImGui::TableNextColumn();
    number_cell(result.lower_quartile);
    ImGui::TableNextColumn();
    number_cell(result.upper_quartile);
    ImGui::TableNextColumn();
    ImGui::Text("%.0f%%", 100.0 * success_rate(compare, result));
    if (ImGui::IsItemHovered() && compare.has_target) {
      ImGui::SetTooltip("held-out runs that reached the target");
    } else if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("held-out runs that did not diverge (%d diverged)", result.diverged);
    }
    ImGui::TableNextColumn();
    number_cell(target_summary(result).median_steps);
  }
  ImGui::EndTable();
  return order;
}

// ==== box plot
// ====================================================================================

// A log10 axis over the finite positive final losses, whole decades at both ends.
struct LogAxis {
  double low = -1.0, high = 1.0;  // log10 of the axis ends
  ImVec2 origin, size;            // plot area in screen pixels

  float y(double value) const {  // zero (and below the axis) clamps to the bottom edge
    const double position = value > 0 ? std::log10(value) : low;
    const double unit = std::clamp((position - low) / (high - low), 0.0, 1.0);
    return origin.y + size.y - static_cast<float>(unit) * size.y;
  }
};

LogAxis fit_axis(const Comparison& comparison) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const ContestantResult& result : comparison.results) {
    for (double loss : result.final_losses) {
      if (!(loss > 0) || !std::isfinite(loss)) continue;
      low = std::min(low, std::log10(loss));
      high = std::max(high, std::log10(loss));
    }
  }
  LogAxis axis;
  if (!std::isfinite(low)) return axis;
  axis.low = std::floor(low);
  axis.high = std::max(std::ceil(high), axis.low + 1.0);
  return axis;
}

void draw_log_ticks(ImDrawList* draw, const LogAxis& axis) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = (ImGui::GetColorU32(ImGuiCol_Border) & 0x00ffffff) | 0x50000000;
  const int decades = static_cast<int>(axis.high - axis.low);
  const int stride = std::max(1, (decades + 5) / 6);  // at most about 7 labels
  for (int k = 0; k <= decades; k += stride) {
    const double exponent = axis.low + k;
    const float y = axis.y(std::pow(10.0, exponent));
    draw->AddLine(ImVec2(axis.origin.x, y), ImVec2(axis.origin.x + axis.size.x, y), grid_color);
    char label[16];
    std::snprintf(label, sizeof label, "1e%d", static_cast<int>(exponent));
    const ImVec2 text_size = ImGui::CalcTextSize(label);
    draw->AddText(ImVec2(axis.origin.x - text_size.x - 4, y - 0.5f * text_size.y), text_color,
                  label);
  }
  draw->AddRect(axis.origin, ImVec2(axis.origin.x + axis.size.x, axis.origin.y + axis.size.y),
                ImGui::GetColorU32(ImGuiCol_Border));
}

// One box (quartiles, median), whiskers at the extreme finite values, every held-out run as a
// dot spread sideways, and the diverged runs counted above.
void draw_box(ImDrawList* draw, const LogAxis& axis, const ContestantResult& result, float center,
              float half_width, ImU32 color) {
  std::vector<double> finite;
  for (double loss : result.final_losses) {
    if (std::isfinite(loss)) finite.push_back(loss);
  }
  if (!finite.empty()) {
    const auto [lowest, highest] = std::minmax_element(finite.begin(), finite.end());
    draw->AddLine(ImVec2(center, axis.y(*lowest)), ImVec2(center, axis.y(*highest)), color, 1.0f);
    for (const double end : {*lowest, *highest}) {
      draw->AddLine(ImVec2(center - 0.4f * half_width, axis.y(end)),
                    ImVec2(center + 0.4f * half_width, axis.y(end)), color, 1.0f);
    }
  }
  const float box_top =
      std::isfinite(result.upper_quartile) ? axis.y(result.upper_quartile) : axis.origin.y;
  if (std::isfinite(result.lower_quartile)) {
    const ImVec2 top_left(center - half_width, box_top);
    const ImVec2 bottom_right(center + half_width, axis.y(result.lower_quartile));
    draw->AddRectFilled(top_left, bottom_right, (color & 0x00ffffff) | 0x40000000);
    draw->AddRect(top_left, bottom_right, color, 0.0f, 0, 1.5f);
  }
  if (std::isfinite(result.median)) {
    draw->AddLine(ImVec2(center - half_width, axis.y(result.median)),
                  ImVec2(center + half_width, axis.y(result.median)), color, 3.0f);
  }
  for (size_t k = 0; k < result.final_losses.size(); ++k) {
    if (!std::isfinite(result.final_losses[k])) continue;
    // Golden-ratio offsets spread the dots evenly and the same way every frame.
    const double spread = std::fmod(0.618033988749895 * static_cast<double>(k), 1.0) - 0.5;
    draw->AddCircleFilled(ImVec2(center + static_cast<float>(1.4 * spread) * half_width,
                                 axis.y(result.final_losses[k])),
                          2.5f, color);
  }
  if (result.diverged > 0) {
    char text[32];
    std::snprintf(text, sizeof text, "%d diverged", result.diverged);
    const ImVec2 size = ImGui::CalcTextSize(text);
    draw->AddText(ImVec2(center - 0.5f * size.x, axis.origin.y + 2), color, text);
  }
}

void box_plot(const AppState& state, const Comparison& comparison, const std::vector<size_t>& order,
              ImVec2 size) {
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##box_plot", size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  LogAxis axis = fit_axis(comparison);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float left = ImGui::CalcTextSize("1e-300").x + 8.0f;
  axis.origin = ImVec2(corner.x + left, corner.y + line);
  axis.size = ImVec2(size.x - left - 4.0f, size.y - 2.5f * line);
  draw->PushClipRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), true);
  draw->AddText(corner, ImGui::GetColorU32(ImGuiCol_Text),
                "final loss on the held-out starts (log scale; dots: runs)");
  draw_log_ticks(draw, axis);
  const float slot_width = axis.size.x / static_cast<float>(std::max<size_t>(order.size(), 1));
  for (size_t position = 0; position < order.size(); ++position) {
    const size_t index = order[position];
    const ContestantResult& result = comparison.results[index];
    const ImU32 color = ImGui::GetColorU32(result_color(state, index));
    const float center = axis.origin.x + (static_cast<float>(position) + 0.5f) * slot_width;
    draw_box(draw, axis, result, center, std::min(0.3f * slot_width, 40.0f), color);
    const ImVec2 label_size = ImGui::CalcTextSize(result.label.c_str());
    draw->AddText(ImVec2(center - 0.5f * label_size.x, axis.origin.y + axis.size.y + 4), color,
                  result.label.c_str());
  }
  draw->PopClipRect();
}

}  // namespace

// ==== draw_compare_panel
// ==========================================================================

void draw_compare_panel(AppState& state) {
  update_comparison(state);
  if (state.compare.reveal) ImGui::SetNextItemOpen(true);
  if (!ImGui::CollapsingHeader("Compare")) return;
  ImGui::PushID("compare");
  optimizer_choice(state);
  budget_and_search(state);
  progress_and_start(state);
  ImGui::PopID();
}

// ==== draw_compare_window
// =========================================================================

void draw_compare_window(AppState& state, const Rect& area) {
  CompareState& compare = state.compare;
  const std::shared_ptr<const Comparison> comparison = compare.snapshot.comparison;
  if (!compare.show_results || !comparison) return;
  ImGui::SetNextWindowPos(ImVec2(area.x + 0.03f * area.width, area.y + 0.03f * area.height),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(0.94f * area.width, 0.9f * area.height), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Comparison results", &compare.show_results,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped(
      "%s. Each optimizer at its best setting on the tuning starts; numbers from "
      "the held-out starts.",
      compare.caption.c_str());
  const std::vector<size_t> order = results_table(state, *comparison);
  if (ImGui::Button("Use best settings")) {
    attempt(compare, [&] {
      compare.message = "best settings applied to " + std::to_string(use_best_settings(state)) +
                        " optimizers in the Optimizers panel";
    });
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("set each optimizer's tuned hyperparameters so the race shows them");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  path_input("##csv", compare.csv_path, FileBrowserMode::Save, {".csv"});
  ImGui::SameLine();
  if (ImGui::Button("export CSV")) {
    attempt(compare, [&] {
      write_comparison_csv(state, compare.csv_path);
      compare.message = "wrote " + compare.csv_path;
    });
  }
  if (!compare.message.empty()) ImGui::TextWrapped("%s", compare.message.c_str());
  const ImVec2 available = ImGui::GetContentRegionAvail();
  box_plot(state, *comparison, order, ImVec2(available.x, std::max(available.y, 120.0f)));
  ImGui::End();
}

}  // namespace lv::app
