#include "input_script.hpp"

#include <GLFW/glfw3.h>

#include <array>
#include <optional>
#include <sstream>
#include <utility>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"

namespace lv::app {
namespace {

constexpr std::array<std::pair<const char*, int>, 3> k_buttons = {
    {{"left", GLFW_MOUSE_BUTTON_LEFT},
     {"right", GLFW_MOUSE_BUTTON_RIGHT},
     {"middle", GLFW_MOUSE_BUTTON_MIDDLE}}};

constexpr std::array<std::pair<const char*, int>, 15> k_named_keys = {
    {{"shift", GLFW_KEY_LEFT_SHIFT},
     {"ctrl", GLFW_KEY_LEFT_CONTROL},
     {"alt", GLFW_KEY_LEFT_ALT},
     {"space", GLFW_KEY_SPACE},
     {"enter", GLFW_KEY_ENTER},
     {"escape", GLFW_KEY_ESCAPE},
     {"tab", GLFW_KEY_TAB},
     {"backspace", GLFW_KEY_BACKSPACE},
     {"left", GLFW_KEY_LEFT},
     {"right", GLFW_KEY_RIGHT},
     {"up", GLFW_KEY_UP},
     {"down", GLFW_KEY_DOWN},
     {"f1", GLFW_KEY_F1},
     {"f5", GLFW_KEY_F5},
     {"delete", GLFW_KEY_DELETE}}};

template <size_t N>
std::optional<int> lookup(const std::array<std::pair<const char*, int>, N>& table,
                          const std::string& name) {
  for (const auto& [entry, code] : table) {
    if (name == entry) return code;
  }
  return std::nullopt;
}

// A named key, a letter a-z or a digit 0-9 (GLFW codes letters and digits by their ASCII code).
std::optional<int> key_code(const std::string& name) {
  if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return GLFW_KEY_A + (name[0] - 'a');
  if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
  return lookup(k_named_keys, name);
}

class LineReader {
 public:
  LineReader(const std::string& source, int line_number, const std::string& line)
      : where_(source + ":" + std::to_string(line_number) + ": "), words_(line) {}

  [[noreturn]] void fail(const std::string& what) const { throw InputError(where_ + what); }

  std::string word(const char* what) {
    std::string word;
    if (!(words_ >> word)) fail("missing " + std::string(what));
    return word;
  }
  float number(const char* what) {
    const std::string text = word(what);
    const auto value = parse_double(text);
    if (!value) fail(std::string(what) + ": expected a number, got '" + text + "'");
    return static_cast<float>(*value);
  }
  bool at_end() { return (words_ >> std::ws).eof(); }
  // The rest of the line without the spaces around it (a path may hold spaces).
  std::string rest(const char* what) {
    std::string text;
    std::getline(words_ >> std::ws, text);
    text.erase(text.find_last_not_of(" \t\r") + 1);
    if (text.empty()) fail("missing " + std::string(what));
    return text;
  }
  void finish() {
    std::string extra;
    if (words_ >> extra) fail("unexpected '" + extra + "'");
  }

 private:
  std::string where_;
  std::istringstream words_;
};

}  // namespace

std::vector<InputEvent> parse_input_script(const std::string& text, const std::string& source) {
  std::vector<InputEvent> events;
  std::istringstream lines(text);
  std::string line;
  int frame = 0;
  for (int line_number = 1; std::getline(lines, line); ++line_number) {
    line = line.substr(0, line.find('#'));
    LineReader reader(source, line_number, line);
    if (reader.at_end()) continue;
    const std::string command = reader.word("command");
    InputEvent event;
    if (command == "frame") {
      const float next = reader.number("frame");
      if (next != static_cast<int>(next) || next < frame) {
        reader.fail("frame: expected a whole number not below " + std::to_string(frame));
      }
      frame = static_cast<int>(next);
      reader.finish();
      continue;
    }
    event.frame = frame;
    if (command == "move") {
      event.kind = InputEvent::Kind::Move;
      event.x = reader.number("x");
      event.y = reader.number("y");
    } else if (command == "press" || command == "release") {
      event.kind = command == "press" ? InputEvent::Kind::Press : InputEvent::Kind::Release;
      const std::string name = reader.word("button");
      const auto button = lookup(k_buttons, name);
      if (!button) reader.fail("unknown button '" + name + "' (left, right, middle)");
      event.code = *button;
    } else if (command == "scroll") {
      event.kind = InputEvent::Kind::Scroll;
      event.y = reader.number("notches");
    } else if (command == "key") {
      const std::string name = reader.word("key");
      const auto code = key_code(name);
      if (!code) reader.fail("unknown key '" + name + "'");
      event.code = *code;
      const std::string direction = reader.word("down or up");
      if (direction != "down" && direction != "up") {
        reader.fail("expected down or up, got '" + direction + "'");
      }
      event.kind = direction == "down" ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
    } else if (command == "drop") {
      event.kind = InputEvent::Kind::Drop;
      event.path = reader.rest("path");
    } else {
      reader.fail("unknown command '" + command +
                  "' (frame, move, press, release, scroll, key, drop)");
    }
    reader.finish();
    events.push_back(event);
  }
  return events;
}

std::vector<InputEvent> load_input_script(const std::string& path) {
  return parse_input_script(read_file(path), path);
}

}  // namespace lv::app
