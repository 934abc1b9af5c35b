//===--- file_watcher.cpp - notice edits to content directories (inotify) -===//
#include "file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <string_view>

namespace gloss {
namespace {

constexpr auto debounce_delay = std::chrono::milliseconds(100);
constexpr uint32_t watched_events =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_DELETE_SELF;

bool relevant(std::string_view name, uint32_t mask) {
  return (mask & IN_ISDIR) || name.ends_with(".md") || name == "gloss.toml" || name == ".gloss";
}

} // namespace

FileWatcher::FileWatcher(boost::asio::io_context &io, std::function<void()> on_change)
    : stream_(io), debounce_(io), on_change_(std::move(on_change)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  boost::system::error_code error;
  stream_.assign(fd_, error);
  if (error) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  read_events();
}

FileWatcher::~FileWatcher() {
  boost::system::error_code ignored;
  debounce_.cancel();
  stream_.close(ignored); // closes fd_
}

void FileWatcher::add(const std::filesystem::path &directory) {
  int wd = ::inotify_add_watch(fd_, directory.c_str(), watched_events);
  if (wd >= 0) watches_[wd] = directory;
}

bool FileWatcher::watch(const std::vector<std::filesystem::path> &recursive,
                        const std::vector<std::filesystem::path> &shallow) {
  if (fd_ < 0) return false;
  for (const auto &[wd, path] : watches_) ::inotify_rm_watch(fd_, wd);
  watches_.clear();
  std::error_code error;
  for (const auto &root : recursive) {
    if (!std::filesystem::is_directory(root, error)) continue;
    add(root);
    for (auto it = std::filesystem::recursive_directory_iterator(
             root, std::filesystem::directory_options::skip_permission_denied, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
      if (it->is_directory(error)) add(it->path());
  }
  for (const auto &directory : shallow)
    if (std::filesystem::is_directory(directory, error)) add(directory);
  return true;
}

void FileWatcher::read_events() {
  stream_.async_read_some(boost::asio::buffer(buffer_), [this](const boost::system::error_code &error, std::size_t count) {
    if (error) return; // closed
    bool changed = false;
    for (std::size_t offset = 0; offset + sizeof(inotify_event) <= count;) {
      const auto *event = reinterpret_cast<const inotify_event *>(buffer_.data() + offset);
      std::string_view name = event->len ? std::string_view(event->name) : std::string_view();
      if (relevant(name, event->mask) || (event->mask & IN_DELETE_SELF)) changed = true;
      offset += sizeof(inotify_event) + event->len;
    }
    if (changed) {
      debounce_.expires_after(debounce_delay);
      debounce_.async_wait([this](const boost::system::error_code &wait_error) {
        if (!wait_error) on_change_();
      });
    }
    read_events();
  });
}

} // namespace gloss
