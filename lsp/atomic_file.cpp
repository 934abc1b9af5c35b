//===--- atomic_file.cpp - write a file so readers never see half of it ---===//
#include "atomic_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gloss {

std::string write_file_atomically(const std::filesystem::path &path, std::string_view contents) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return "cannot create " + path.parent_path().string() + ": " + error.message();
  std::string temporary = path.string() + ".tmp." + std::to_string(::getpid()) + ".XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file beside " + path.string() + ": " + std::strerror(errno);
  const char *data = contents.data();
  std::size_t remaining = contents.size();
  while (remaining > 0) {
    ssize_t written = ::write(fd, data, remaining);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      std::string message = "cannot write " + temporary + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return message;
    }
    data += written;
    remaining -= static_cast<std::size_t>(written);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temporary.c_str());
    return "cannot flush " + temporary + ": " + std::strerror(errno);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string message = "cannot rename onto " + path.string() + ": " + std::strerror(errno);
    ::unlink(temporary.c_str());
    return message;
  }
  // The rename itself lives in the directory; without this a power cut can
  // bring back the old file. Best effort: some filesystems refuse it.
  if (int directory = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
  return {};
}

std::filesystem::path cache_directory() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::filesystem::path(xdg) / "gloss";
  if (const char *home = std::getenv("HOME"); home && *home == '/') return std::filesystem::path(home) / ".cache" / "gloss";
  return std::filesystem::temp_directory_path() / ("gloss-" + std::to_string(::getuid()));
}

} // namespace gloss
