// A path field with a "..." button that opens an in-app file browser (a modal window drawn with
// Dear ImGui over std::filesystem): the folder's path with clickable segments, its folders then
// the files with the wanted extensions, a file name field, OK/Cancel, and the reason when a
// folder cannot be read. Mouse: click selects, double-click opens; keys: up/down select, Enter
// opens, Backspace goes up, Escape cancels. The listing logic is GL-free: file_listing.hpp.
#pragma once

#include <string>
#include <vector>

namespace lv::app {

enum class FileBrowserMode { Open, Save };

// Draws `label`'s text field, the "..." button and its browser (when open). Returns true in the
// frame a file was chosen in the browser (already written to `path`), so the caller can do what
// its Open/Load button does; typing in the field returns false. A label starting with "##"
// shows no text. `extensions` like {".json"}; empty: every file.
bool path_input(const char* label, std::string& path, FileBrowserMode mode,
                const std::vector<std::string>& extensions);
// The same browser behind a button of its own (such as "save as..."), for `path`.
bool file_browser_button(const char* button_label, std::string& path, FileBrowserMode mode,
                         const std::vector<std::string>& extensions);

}  // namespace lv::app
