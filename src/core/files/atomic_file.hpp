// Writing files without ever destroying the user's data: write a temporary file beside the
// target, flush it, then rename it into place. On failure the old file is untouched and the
// error names the path and the cause.
#pragma once

#include <string>
#include <string_view>

namespace lv {

// Throws InputError("cannot write 'PATH': reason") on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

// Checks, before any work is done, that `path` can be written as a file: it is not a directory
// and its folder exists and is writable. Throws InputError("FLAG: ...") naming the path.
void check_output_file(const std::string& path, const std::string& flag);
// The same for a folder that will be created (or filled) with files.
void check_output_directory(const std::string& path, const std::string& flag);

// Reads a whole file; throws InputError("cannot read 'PATH': reason").
std::string read_file(const std::string& path);

}  // namespace lv
