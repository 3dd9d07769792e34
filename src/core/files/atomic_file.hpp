// Writing files without ever destroying the user's data: write a temporary file beside the
// target, flush it, then rename it into place. On failure the old file is untouched and the
// error names the path and the cause.
#pragma once

#include <string>
#include <string_view>

namespace lv {

// Throws InputError("cannot write 'PATH': reason") on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

// Reads a whole file; throws InputError("cannot read 'PATH': reason").
std::string read_file(const std::string& path);

}  // namespace lv
