// The in-app file browser (file_browser.hpp): one browser state, since a modal window lets only
// one browser be open at a time.
#include "panels/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "file_listing.hpp"

namespace lv::app {
namespace {

namespace fs = std::filesystem;

struct BrowserState {
  FileBrowserMode mode = FileBrowserMode::Open;
  std::vector<std::string> extensions;
  DirectoryListing listing;
  int selected = -1;  // index into listing.entries
  std::string name;   // the file name field
  std::string note;   // why OK did nothing (no such file)
  bool focus_list = false;
};

BrowserState& browser() {
  static BrowserState state;
  return state;
}

void open_folder(BrowserState& state, const fs::path& directory) {
  state.listing = list_directory(directory, state.extensions);
  state.selected = -1;
  state.note.clear();
  if (state.mode == FileBrowserMode::Open) state.name.clear();  // saving keeps the name to save
}

// Selects the entry called `name` (the field's file, when the browser opens) and puts it in the
// name field.
void select_named(BrowserState& state, const std::string& name) {
  state.name = name;
  const auto& entries = state.listing.entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].name != name || entries[i].is_directory) continue;
    state.selected = static_cast<int>(i);
    state.focus_list = true;
  }
}

std::string joined(const std::vector<std::string>& extensions) {
  if (extensions.empty()) return "all files";
  std::string text;
  for (const std::string& extension : extensions) text += (text.empty() ? "" : " ") + extension;
  return text;
}

// The path bar: "up", then one button per folder from the root, wrapped to the window's width.
void path_bar(BrowserState& state) {
  const fs::path& directory = state.listing.directory;
  if (ImGui::Button("up") && directory.has_parent_path())
    open_folder(state, directory.parent_path());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("the folder above (Backspace)");
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  for (const PathSegment& segment : path_segments(directory)) {
    const float width = ImGui::CalcTextSize(segment.label.c_str()).x + 2 * style.FramePadding.x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width < right_edge) ImGui::SameLine();
    ImGui::PushID(segment.location.string().c_str());
    if (ImGui::Button(segment.label.c_str())) open_folder(state, segment.location);
    ImGui::PopID();
  }
}

// Opens a folder or chooses a file; returns the chosen file's path, or empty.
fs::path activate(BrowserState& state, const DirectoryEntry& entry) {
  if (entry.is_directory) {
    open_folder(state, state.listing.directory / entry.name);
    return {};
  }
  return state.listing.directory / entry.name;
}

fs::path entry_list(BrowserState& state, float footer_height) {
  fs::path chosen;
  ImGui::BeginChild("entries", ImVec2(0, -footer_height), true);
  if (!state.listing.error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.3f, 1.0f), "%s", state.listing.error.c_str());
    ImGui::PopTextWrapPos();
  } else if (state.listing.entries.empty()) {
    ImGui::TextDisabled("no folders or %s files here", joined(state.extensions).c_str());
  }
  const ImVec4 folder_color = ImGui::GetStyleColorVec4(ImGuiCol_CheckMark);  // blue, both themes
  const auto& entries = state.listing.entries;
  for (int i = 0; i < static_cast<int>(entries.size()) && chosen.empty(); ++i) {
    const DirectoryEntry& entry = entries[static_cast<size_t>(i)];
    if (entry.is_directory) ImGui::PushStyleColor(ImGuiCol_Text, folder_color);
    const std::string label = entry.is_directory ? entry.name + "/" : entry.name;
    const bool picked = ImGui::Selectable(label.c_str(), state.selected == i,
                                          ImGuiSelectableFlags_AllowDoubleClick);
    if (entry.is_directory) ImGui::PopStyleColor();
    if (state.selected == i && state.focus_list) {
      ImGui::SetScrollHereY();
      state.focus_list = false;
    }
    if (!picked) continue;
    state.selected = i;
    if (!entry.is_directory) state.name = entry.name;
    if (ImGui::IsMouseDoubleClicked(0)) chosen = activate(state, entry);
  }
  ImGui::EndChild();
  return chosen;
}

// Up/down move the selection, Enter opens it, Backspace goes up (not while typing a name).
fs::path list_keys(BrowserState& state) {
  if (ImGui::GetIO().WantTextInput) return {};
  const int count = static_cast<int>(state.listing.entries.size());
  const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
  if (pressed(ImGuiKey_DownArrow) && count > 0) {
    state.selected = std::min(state.selected + 1, count - 1);
    state.focus_list = true;
  }
  if (pressed(ImGuiKey_UpArrow) && count > 0) {
    state.selected = std::max(state.selected - 1, 0);
    state.focus_list = true;
  }
  if (state.focus_list && state.selected >= 0) {
    const DirectoryEntry& entry = state.listing.entries[static_cast<size_t>(state.selected)];
    if (!entry.is_directory) state.name = entry.name;
  }
  if (pressed(ImGuiKey_Backspace) && state.listing.directory.has_parent_path()) {
    open_folder(state, state.listing.directory.parent_path());
    return {};
  }
  const bool enter = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter);
  if (enter && state.selected >= 0 && state.selected < count) {
    return activate(state, state.listing.entries[static_cast<size_t>(state.selected)]);
  }
  if (enter && !state.name.empty()) {
    return chosen_path(state.listing.directory, state.name, state.extensions,
                       state.mode == FileBrowserMode::Save);
  }
  return {};
}

// The name field's choice: a folder opens, an Open of a missing file says so.
fs::path accept_name(BrowserState& state) {
  if (state.name.empty()) return {};
  const fs::path path = chosen_path(state.listing.directory, state.name, state.extensions,
                                    state.mode == FileBrowserMode::Save);
  std::error_code error;
  if (fs::is_directory(path, error)) {
    open_folder(state, path);
    state.name.clear();
    return {};
  }
  if (state.mode == FileBrowserMode::Open && !fs::exists(path, error)) {
    state.note = "no file " + path.filename().string() + " in this folder";
    return {};
  }
  return path;
}

// The browser's window; returns the chosen file, or empty while open or after Cancel.
fs::path browser_window(const char* popup_id) {
  BrowserState& state = browser();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float font = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(font * 40.0f, viewport->Size.x * 0.9f),
                                  std::min(font * 28.0f, viewport->Size.y * 0.9f)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoSavedSettings)) return {};
  const bool saving = state.mode == FileBrowserMode::Save;
  path_bar(state);
  // Below the list: the filter line, the name field, the note line and the buttons.
  const float footer = 2 * ImGui::GetFrameHeightWithSpacing() +
                       2 * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  fs::path chosen = entry_list(state, footer);
  ImGui::TextDisabled("showing folders and %s files", joined(state.extensions).c_str());
  // Saving starts in the name field; opening leaves the keys to the list.
  if (saving && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText(saving ? "file name" : "file", &state.name,
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    chosen = accept_name(state);
  }
  if (chosen.empty()) chosen = list_keys(state);
  std::error_code error;
  const fs::path target =
      chosen_path(state.listing.directory, state.name, state.extensions, saving);
  if (!state.note.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.3f, 1.0f), "%s", state.note.c_str());
  } else if (saving && !state.name.empty() && fs::is_regular_file(target, error)) {
    ImGui::TextDisabled("replaces the existing %s", target.filename().string().c_str());
  } else {
    ImGui::NewLine();
  }
  ImGui::BeginDisabled(state.name.empty());
  if (ImGui::Button(saving ? "Save" : "Open", ImVec2(font * 6, 0)) && chosen.empty()) {
    chosen = accept_name(state);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(font * 6, 0)) ||
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (!chosen.empty() || cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return cancel ? fs::path() : chosen;
}

const char* popup_id(FileBrowserMode mode) {
  return mode == FileBrowserMode::Save ? "Save file###browser" : "Open file###browser";
}

// The browser's button: opens the browser on a click, with a tooltip naming the files it shows.
void browse_button(const char* button_label, const std::string& path, FileBrowserMode mode,
                   const std::vector<std::string>& extensions) {
  if (ImGui::Button(button_label)) {
    BrowserState& state = browser();
    state.mode = mode;
    state.extensions = extensions;
    open_folder(state, starting_directory(path));
    select_named(state, fs::path(path).filename().string());
    ImGui::OpenPopup(popup_id(mode));
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("browse for a file (%s)", joined(extensions).c_str());
  }
}

// Draws the browser while it is open; writes a chosen file into `path`.
bool browser_result(FileBrowserMode mode, std::string& path) {
  const fs::path chosen = browser_window(popup_id(mode));
  if (chosen.empty()) return false;
  std::error_code error;
  path = path_for_field(chosen, fs::current_path(error));
  return true;
}

}  // namespace

bool path_input(const char* label, std::string& path, FileBrowserMode mode,
                const std::vector<std::string>& extensions) {
  ImGui::PushID(label);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float button_width = ImGui::CalcTextSize("...").x + 2 * style.FramePadding.x;
  ImGui::SetNextItemWidth(
      std::max(1.0f, ImGui::CalcItemWidth() - button_width - style.ItemInnerSpacing.x));
  ImGui::InputText("##path", &path);
  ImGui::SameLine(0.0f, style.ItemInnerSpacing.x);
  browse_button("...", path, mode, extensions);
  const char* shown_end = std::strstr(label, "##");
  if (shown_end != label) {
    ImGui::SameLine(0.0f, style.ItemInnerSpacing.x);
    ImGui::TextUnformatted(label, shown_end);
  }
  const bool chosen = browser_result(mode, path);
  ImGui::PopID();
  return chosen;
}

bool file_browser_button(const char* button_label, std::string& path, FileBrowserMode mode,
                         const std::vector<std::string>& extensions) {
  ImGui::PushID(button_label);
  browse_button(button_label, path, mode, extensions);
  const bool chosen = browser_result(mode, path);
  ImGui::PopID();
  return chosen;
}

}  // namespace lv::app
