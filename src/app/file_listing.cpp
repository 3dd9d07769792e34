#include "file_listing.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <system_error>

namespace lv::app {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool name_before(const DirectoryEntry& a, const DirectoryEntry& b) {
  if (a.is_directory != b.is_directory) return a.is_directory;
  const std::string folded_a = lowercase(a.name), folded_b = lowercase(b.name);
  if (folded_a != folded_b) return folded_a < folded_b;
  return a.name < b.name;
}

}  // namespace

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  const std::string folded = lowercase(name);
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& extension) {
    const std::string wanted = lowercase(extension);
    return folded.size() > wanted.size() &&
           folded.compare(folded.size() - wanted.size(), wanted.size(), wanted) == 0;
  });
}

DirectoryListing list_directory(const std::filesystem::path& directory,
                                const std::vector<std::string>& extensions) {
  DirectoryListing listing;
  listing.directory = directory;
  std::error_code error;
  std::filesystem::directory_iterator it(directory, error);
  for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_error;  // a broken link is listed as a file
    const bool is_directory = it->is_directory(type_error);
    if (!is_directory && !has_extension(name, extensions)) continue;
    listing.entries.push_back({name, is_directory});
  }
  if (error) {
    listing.entries.clear();
    listing.error = "cannot read " + directory.string() + ": " + error.message();
    return listing;
  }
  std::sort(listing.entries.begin(), listing.entries.end(), name_before);
  return listing;
}

std::vector<PathSegment> path_segments(const std::filesystem::path& directory) {
  std::vector<PathSegment> segments;
  std::filesystem::path location;
  for (const std::filesystem::path& part : directory.lexically_normal()) {
    if (part.empty()) continue;  // the empty name after a trailing separator
    location /= part;
    const std::string name = part.string();
    segments.push_back({name == "/" ? "/" : name, location});
  }
  return segments;
}

std::filesystem::path starting_directory(const std::string& field_path) {
  std::error_code error;
  std::filesystem::path working = std::filesystem::current_path(error);
  if (error) working = "/";
  if (field_path.empty()) return working;
  const std::filesystem::path absolute = (working / field_path).lexically_normal();
  if (std::filesystem::is_directory(absolute, error)) return absolute;
  const std::filesystem::path parent = absolute.parent_path();
  if (std::filesystem::is_directory(parent, error)) return parent;
  return working;
}

std::filesystem::path chosen_path(const std::filesystem::path& directory, const std::string& name,
                                  const std::vector<std::string>& extensions, bool saving) {
  std::string file = name;
  if (saving && !extensions.empty() && !has_extension(file, extensions)) file += extensions[0];
  return (directory / file).lexically_normal();
}

std::string path_for_field(const std::filesystem::path& chosen,
                           const std::filesystem::path& working) {
  const std::filesystem::path relative = chosen.lexically_relative(working);
  if (relative.empty() || *relative.begin() == "..") return chosen.string();
  return relative.string();
}

std::vector<std::string> extensions_in(const std::string& text) {
  std::vector<std::string> extensions;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (word.size() > 1 && word[0] == '.') extensions.push_back(word);
  }
  return extensions;
}

}  // namespace lv::app
