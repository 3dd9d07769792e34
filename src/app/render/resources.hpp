// Finding the files the app reads at run time (shaders/, assets/): next to the executable first,
// then in the source tree it was built from (LOSSVIZ_SOURCE_DIR), so a build runs in place.
#pragma once

#include <string>

namespace lv::app {

// The directory holding `name` (e.g. "shaders", "assets/scenes"); throws InputError if none does.
std::string resource_directory(const std::string& name);

}  // namespace lv::app
