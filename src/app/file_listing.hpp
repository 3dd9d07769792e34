// The file browser's logic without ImGui (panels/file_browser draws it): listing a folder
// (folders first, then the files with the wanted extensions, each group sorted by name), the
// clickable segments of a folder's path, extension matching and the path a choice stands for.
// See also: panels/file_browser.hpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lv::app {

struct DirectoryEntry {
  std::string name;
  bool is_directory = false;
};

struct DirectoryListing {
  std::filesystem::path directory;
  std::vector<DirectoryEntry> entries;  // folders, then files; sorted by name within each
  std::string error;                    // why the folder cannot be read (entries then empty)
};

// Whether `name` ends in one of `extensions` (".json", ".tar.gz"; letter case ignored). No
// extensions: every name matches.
bool has_extension(const std::string& name, const std::vector<std::string>& extensions);

// Lists `directory`. Files without one of `extensions` and hidden names (a leading dot) are left
// out; names compare without letter case ("b" after "A"), ties by the exact name.
DirectoryListing list_directory(const std::filesystem::path& directory,
                                const std::vector<std::string>& extensions);

struct PathSegment {
  std::string label;               // "/" for the root, else the folder's name
  std::filesystem::path location;  // the folder a click on the segment opens
};
// The folders from the root down to `directory` (absolute), for the browser's path bar.
std::vector<PathSegment> path_segments(const std::filesystem::path& directory);

// The folder a browser opened for a field holding `field_path` starts in: the folder of that
// path when it exists (relative paths from the working folder), else the working folder.
std::filesystem::path starting_directory(const std::string& field_path);

// The file `name` (typed or picked; absolute, or relative to `directory`) stands for, made
// lexically normal. Saving appends the first of `extensions` when the name has none of them.
std::filesystem::path chosen_path(const std::filesystem::path& directory, const std::string& name,
                                  const std::vector<std::string>& extensions, bool saving);

// How a chosen file is written into a path field: relative to `working` when inside it (short,
// and what a user typing it would write), else absolute.
std::string path_for_field(const std::filesystem::path& chosen,
                           const std::filesystem::path& working);

// The extensions in a list such as ".svg .pdf .png" or ".csv (one per run) .json": the words
// that start with a dot.
std::vector<std::string> extensions_in(const std::string& text);

}  // namespace lv::app
