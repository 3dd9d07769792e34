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

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) throw InputError("cannot read '" + path + "': read error");
  return contents.str();
}

}  // namespace lv
