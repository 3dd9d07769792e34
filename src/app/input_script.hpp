// Recorded mouse and keyboard input for headless runs (lossviz --input FILE): a text file of
// events grouped by the frame before which they arrive. See docs/gui.md for the format.
#pragma once

#include <string>
#include <vector>

namespace lv::app {

struct InputEvent {
  enum class Kind { Move, Press, Release, Scroll, KeyDown, KeyUp, Drop };
  int frame = 0;  // delivered before this frame (frames count from 0)
  Kind kind = Kind::Move;
  float x = 0.0f, y = 0.0f;  // Move: window coordinates, origin top-left; Scroll: y is notches
  int code = 0;              // Press/Release: GLFW mouse button; KeyDown/KeyUp: GLFW key
  std::string path;          // Drop: the file dropped onto the window
};

// Parses the script; throws InputError naming `source`, the line and the word at fault.
std::vector<InputEvent> parse_input_script(const std::string& text, const std::string& source);
std::vector<InputEvent> load_input_script(const std::string& path);

}  // namespace lv::app
