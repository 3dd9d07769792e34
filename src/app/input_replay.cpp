#include "input_replay.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>

#include "render/gl.hpp"

namespace lv::app {

std::vector<std::string> InputReplay::deliver(int frame, GLFWwindow* window) {
  std::vector<std::string> dropped;
  for (; next_ < events_.size() && events_[next_].frame <= frame; ++next_) {
    const InputEvent& event = events_[next_];
    const size_t button = static_cast<size_t>(event.code);
    switch (event.kind) {
      case InputEvent::Kind::Move:
        has_pointer_ = true;
        pointer_x_ = event.x;
        pointer_y_ = event.y;
        break;
      case InputEvent::Kind::Press:
        held_.at(button) = pressed_.at(button) = true;
        ImGui_ImplGlfw_MouseButtonCallback(window, event.code, GLFW_PRESS, 0);
        break;
      case InputEvent::Kind::Release:
        held_.at(button) = false;
        ImGui_ImplGlfw_MouseButtonCallback(window, event.code, GLFW_RELEASE, 0);
        break;
      case InputEvent::Kind::Scroll:
        ImGui_ImplGlfw_ScrollCallback(window, 0.0, event.y);
        break;
      case InputEvent::Kind::KeyDown:
      case InputEvent::Kind::KeyUp: {
        const int action = event.kind == InputEvent::Kind::KeyDown ? GLFW_PRESS : GLFW_RELEASE;
        ImGui_ImplGlfw_KeyCallback(window, event.code, 0, action, 0);
        break;
      }
      case InputEvent::Kind::Drop:
        dropped.push_back(event.path);
        break;
    }
  }
  return dropped;
}

void InputReplay::apply_pointer(ImGuiIO& io) {
  io.MousePos = has_pointer_ ? ImVec2(pointer_x_, pointer_y_) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (size_t button = 0; button < held_.size(); ++button) {
    // As the backend does for real presses: a press shows for at least one frame.
    io.MouseDown[button] = held_[button] || pressed_[button];
    pressed_[button] = false;
  }
}

}  // namespace lv::app
