// Replays an input script (input_script.hpp) in a headless run: keys, wheel and button presses go
// through the GLFW backend's callbacks as a person's would, and the pointer position and held
// buttons replace what the backend polls from the (absent) real mouse.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "input_script.hpp"

struct GLFWwindow;
struct ImGuiIO;

namespace lv::app {

class InputReplay {
 public:
  explicit InputReplay(std::vector<InputEvent> events) : events_(std::move(events)) {}

  int last_frame() const { return events_.empty() ? 0 : events_.back().frame; }
  // Delivers the events of `frame` (call before ImGui_ImplGlfw_NewFrame); returns the files
  // dropped onto the window, for the app to queue as the window's drop callback does.
  std::vector<std::string> deliver(int frame, GLFWwindow* window);
  // Sets the pointer and buttons (call after ImGui_ImplGlfw_NewFrame, before ImGui::NewFrame).
  void apply_pointer(ImGuiIO& io);

 private:
  std::vector<InputEvent> events_;
  size_t next_ = 0;
  bool has_pointer_ = false;  // no pointer over the window until the first move
  float pointer_x_ = 0.0f, pointer_y_ = 0.0f;
  std::array<bool, 3> held_{};
  std::array<bool, 3> pressed_{};  // pressed since the last frame (a click within one frame)
};

}  // namespace lv::app
