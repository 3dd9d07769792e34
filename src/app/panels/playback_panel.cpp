// Playback panel: play/pause, step, scrub, speed, loop, tail length, each run's outcome and the
// curvature at its point at the playback step (λ1, λ2, κ, 2/λmax, the stability limit).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "curvature_view.hpp"
#include "kkt_view.hpp"
#include "panels/panels.hpp"
#include "state_actions.hpp"

namespace lv::app {

void draw_playback_panel(AppState& state) {
  if (!ImGui::CollapsingHeader("Playback", ImGuiTreeNodeFlags_DefaultOpen)) return;
  PlaybackState& playback = state.playback;
  const int last = last_step(state);
  if (ImGui::Button(playback.playing ? "pause" : "play")) playback.playing = !playback.playing;
  ImGui::SameLine();
  if (ImGui::Button("<")) playback.step = std::max(0.0, std::floor(playback.step) - 1);
  ImGui::SameLine();
  if (ImGui::Button(">")) playback.step = std::min<double>(last, std::floor(playback.step) + 1);
  ImGui::SameLine();
  if (ImGui::Button("restart")) playback.step = 0;
  ImGui::SameLine();
  ImGui::Checkbox("loop", &playback.loop);
  float step = static_cast<float>(playback.step);
  if (ImGui::SliderFloat("step", &step, 0.0f, static_cast<float>(last), "%.0f")) {
    playback.step = step;
    playback.playing = false;
  }
  float speed = static_cast<float>(playback.speed);
  if (ImGui::SliderFloat("steps/s", &speed, 1.0f, 5000.0f, "%.0f", ImGuiSliderFlags_Logarithmic)) {
    playback.speed = speed;
  }
  ImGui::SliderInt("tail", &playback.tail_steps, 0, 500);
  for (size_t i = 0; i < state.optimizers.size() && i < state.run.trajectories.size(); ++i) {
    const Trajectory& trajectory = state.run.trajectories[i];
    if (trajectory.empty()) continue;
    const auto color = readable_color(state, state.optimizers[i].color);
    ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1), "%s",
                       state.optimizers[i].label.c_str());
    ImGui::SameLine();
    if (trajectory.status == RunStatus::Diverged) {
      ImGui::Text("diverged at step %d", trajectory.diverged_step);
    } else {
      ImGui::Text("%s, f = %.4g after %d steps", status_name(trajectory.status),
                  trajectory.loss.back(), trajectory.size() - 1);
    }
    // Constrained problems: the KKT check where the run ends (its verdict) and at the playback
    // step (the multipliers as they form).
    const KktView* last = i < state.run.final_kkt.size() && state.run.final_kkt[i]
                              ? &*state.run.final_kkt[i]
                              : nullptr;
    if (last) {
      const bool good = last->report.satisfied;
      const ImVec4 verdict = good ? (state.ui.dark_theme ? ImVec4(0.45f, 0.85f, 0.5f, 1.0f)
                                                         : ImVec4(0.1f, 0.5f, 0.2f, 1.0f))
                                  : (state.ui.dark_theme ? ImVec4(1.0f, 0.55f, 0.15f, 1.0f)
                                                         : ImVec4(0.75f, 0.3f, 0.0f, 1.0f));
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, verdict);
      ImGui::TextWrapped("end: %s", kkt_line(*last).c_str());
      ImGui::PopStyleColor();
      if (const auto now = kkt_view(state, i)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("step %d: %s", playback_row(trajectory, playback.step),
                           kkt_line(*now).c_str());
        ImGui::PopStyleColor();
      }
      ImGui::Unindent();
    }
    if (i >= state.run.curvature.size()) continue;
    const CurvatureTrack& track = state.run.curvature[i];
    const int row = playback_row(trajectory, playback.step);
    if (row >= track.size()) continue;
    const size_t r = static_cast<size_t>(row);
    // Wrapped: the readout is wider than the control panel at large font sizes.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Indent();
    ImGui::TextWrapped("step %d: %s", row,
                       curvature_text(track.lambda_min[r], track.lambda_max[r]).c_str());
    ImGui::PopStyleColor();
    if (!track.has_limit()) {
      ImGui::Unindent();
      continue;
    }
    const double limit = track.stability_limit[r];
    if (track.lambda_max[r] > limit) {
      const ImVec4 warning =
          state.ui.dark_theme ? ImVec4(1.0f, 0.55f, 0.15f, 1.0f) : ImVec4(0.75f, 0.3f, 0.0f, 1.0f);
      ImGui::TextColored(warning, "λmax above this lr's limit %.4g", limit);
    } else {
      ImGui::TextDisabled("stable: λmax below this lr's limit %.4g", limit);
    }
    ImGui::Unindent();
  }
}

}  // namespace lv::app
