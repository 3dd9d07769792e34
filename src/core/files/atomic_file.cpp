#include "files/atomic_file.hpp"

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/errors.hpp"

namespace lv {

void write_file_atomically(const std::string& path, std::string_view contents) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  auto fail = [&](const std::string& reason) {
    std::remove(temporary.c_str());
    throw InputError("cannot write '" + path + "': " + reason);
  };
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) throw InputError("cannot write '" + path + "': " + std::strerror(errno));
  const size_t written = std::fwrite(contents.data(), 1, contents.size(), file);
  const bool flushed = std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
  const int write_errno = errno;
  if (std::fclose(file) != 0 || written != contents.size() || !flushed) {
    fail(std::strerror(write_errno ? write_errno : EIO));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail(std::strerror(errno));
}

namespace {

void check_writable_folder(const std::filesystem::path& folder, const std::string& path,
                           const std::string& flag) {
  std::error_code error;
  const std::filesystem::path where = folder.empty() ? std::filesystem::path(".") : folder;
  if (!std::filesystem::is_directory(where, error)) {
    throw InputError(flag + ": cannot write '" + path + "': the folder '" + where.string() +
                     "' does not exist");
  }
  if (::access(where.c_str(), W_OK) != 0) {
    throw InputError(flag + ": cannot write '" + path + "': " + std::strerror(errno));
  }
}

}  // namespace

void check_output_file(const std::string& path, const std::string& flag) {
  if (path.empty()) throw InputError(flag + ": the file name is empty");
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InputError(flag + ": '" + path + "' is a folder, expected a file name");
  }
  check_writable_folder(std::filesystem::path(path).parent_path(), path, flag);
}

void check_output_directory(const std::string& path, const std::string& flag) {
  if (path.empty()) throw InputError(flag + ": the folder name is empty");
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    if (!std::filesystem::is_directory(path, error)) {
      throw InputError(flag + ": '" + path + "' exists and is not a folder");
    }
    check_writable_folder(path, path, flag);
    return;
  }
  // Missing folders are created, so the first ancestor that exists must be a writable folder.
  std::filesystem::path ancestor = std::filesystem::path(path).parent_path();
  while (!ancestor.empty() && !std::filesystem::exists(ancestor, error)) {
    ancestor = ancestor.parent_path();
  }
  check_writable_folder(ancestor, path, flag);
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) throw InputError("cannot read '" + path + "': read error");
  return contents.str();
}

}  // namespace lv
