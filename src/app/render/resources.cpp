#include "render/resources.hpp"

#include <filesystem>
#include <vector>

#include "common/errors.hpp"

namespace lv::app {
namespace {

std::filesystem::path executable_directory() {
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::current_path() : executable.parent_path();
}

}  // namespace

std::string resource_directory(const std::string& name) {
  const std::filesystem::path here = executable_directory();
  const std::vector<std::filesystem::path> candidates = {
      here / name, here / ".." / "share" / "lossviz" / name,
      std::filesystem::path(LOSSVIZ_SOURCE_DIR) / name};
  for (const std::filesystem::path& candidate : candidates) {
    if (std::filesystem::is_directory(candidate)) return candidate.lexically_normal().string();
  }
  throw InputError("cannot find the '" + name + "' directory next to the executable or in " +
                   std::string(LOSSVIZ_SOURCE_DIR));
}

}  // namespace lv::app
