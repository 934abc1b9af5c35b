//===--- file_watcher.h - notice edits to content directories (inotify) ---===//
//
// For clients that cannot send workspace/didChangeWatchedFiles, the server
// watches the content layers itself: inotify on every directory below the
// given roots, read through Boost.Asio on the server's own loop, and a short
// debounce so that an editor's save (often several events) reloads once.
// Only snippet files (*.md), gloss.toml and .gloss folders count.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_FILE_WATCHER_H
#define GLOSS_LSP_FILE_WATCHER_H

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <vector>

namespace gloss {

class FileWatcher {
public:
  FileWatcher(boost::asio::io_context &io, std::function<void()> on_change);
  ~FileWatcher();
  FileWatcher(const FileWatcher &) = delete;
  FileWatcher &operator=(const FileWatcher &) = delete;

  /// Watches `recursive` directories with everything below them, and
  /// `shallow` directories themselves only; replaces what was watched.
  /// Missing paths are skipped. Returns false if inotify is unavailable.
  bool watch(const std::vector<std::filesystem::path> &recursive, const std::vector<std::filesystem::path> &shallow);

private:
  void read_events();
  void add(const std::filesystem::path &directory);

  int fd_ = -1;
  boost::asio::posix::stream_descriptor stream_;
  boost::asio::steady_timer debounce_;
  std::function<void()> on_change_;
  std::map<int, std::filesystem::path> watches_;
  std::array<char, 16 * 1024> buffer_{};
};

} // namespace gloss

#endif
