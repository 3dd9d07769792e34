// Playback panel: play/pause, step, scrub, speed, loop, tail length, and each run's outcome.
#include <imgui.h>

#include <algorithm>
#include <cmath>

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
  }
}

}  // namespace lv::app
