//===--- transport.cpp - LSP base protocol framing over stdio -------------===//
#include "transport.h"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read.hpp>

#include <array>
#include <cerrno>
#include <charconv>
#include <mutex>
#include <unistd.h>

namespace gloss {
namespace {

std::string lowercase(std::string_view text) {
  std::string result(text);
  for (char &c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

/// Parses a header block (without its blank line). Returns the length or an error.
std::optional<std::size_t> content_length(std::string_view headers, std::string &error) {
  std::optional<std::size_t> length;
  while (!headers.empty()) {
    std::size_t end = headers.find('\n');
    std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view{} : headers.substr(end + 1);
    line = trim(line);
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      error = "malformed header line (no ':')";
      return std::nullopt;
    }
    if (lowercase(trim(line.substr(0, colon))) != "content-length") continue;
    std::string_view value = trim(line.substr(colon + 1));
    std::size_t parsed = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
      error = "Content-Length is not a number";
      return std::nullopt;
    }
    length = parsed;
  }
  if (!length) error = "missing Content-Length header";
  return length;
}

} // namespace

void FrameReader::feed(std::string_view bytes) {
  if (skip_ > 0) {
    std::size_t skipped = std::min(skip_, bytes.size());
    skip_ -= skipped;
    bytes.remove_prefix(skipped);
  }
  buffer_.append(bytes);
}

std::optional<Frame> FrameReader::next() {
  if (skip_ > 0) return std::nullopt;
  // A header block ends with an empty line; accept "\n\n" too for hand-typed input.
  std::size_t crlf = buffer_.find("\r\n\r\n");
  std::size_t lf = buffer_.find("\n\n");
  std::size_t end = std::min(crlf, lf);
  if (end == std::string::npos) {
    if (buffer_.size() > max_header_block) {
      buffer_.clear();
      return Frame{{}, "header block too large or not terminated"};
    }
    return std::nullopt;
  }
  std::size_t body_start = end + (end == crlf ? 4 : 2);
  std::string error;
  std::optional<std::size_t> length = content_length(std::string_view(buffer_).substr(0, end), error);
  if (!length) {
    buffer_.erase(0, body_start);
    return Frame{{}, error};
  }
  if (*length > max_body_) {
    std::size_t available = buffer_.size() - body_start;
    std::size_t dropped = std::min(available, *length);
    skip_ = *length - dropped;
    buffer_.erase(0, body_start + dropped);
    return Frame{{}, "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                         std::to_string(max_body_)};
  }
  if (buffer_.size() - body_start < *length) return std::nullopt;
  Frame frame{buffer_.substr(body_start, *length), {}};
  buffer_.erase(0, body_start + *length);
  return frame;
}

std::string frame_message(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

StdioTransport::StdioTransport(int input_fd, int output_fd)
    : input_fd_(input_fd), output_fd_(output_fd) {}

bool StdioTransport::send(std::string_view body) {
  static std::mutex write_mutex;
  std::lock_guard lock(write_mutex);
  if (output_closed_) return false;
  std::string framed = frame_message(body);
  std::string_view remaining = framed;
  while (!remaining.empty()) {
    ssize_t written = ::write(output_fd_, remaining.data(), remaining.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      output_closed_ = true; // EPIPE: the client is gone
      return false;
    }
    remaining.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void StdioTransport::run(const std::function<bool(std::vector<Frame> &)> &on_frames) {
  FrameReader reader;
  boost::asio::posix::stream_descriptor input(io_);
  boost::system::error_code error;
  input.assign(::dup(input_fd_), error);
  if (error) {
    // Regular files and some ttys cannot be polled; read them directly.
    run_blocking(reader, on_frames);
    return;
  }
  std::array<char, 64 * 1024> buffer;
  std::function<void(const boost::system::error_code &, std::size_t)> on_read;
  auto read_more = [&] { input.async_read_some(boost::asio::buffer(buffer), on_read); };
  on_read = [&](const boost::system::error_code &read_error, std::size_t count) {
    if (count > 0) {
      reader.feed(std::string_view(buffer.data(), count));
      std::vector<Frame> frames;
      while (auto frame = reader.next()) frames.push_back(std::move(*frame));
      // A client that stopped reading (EPIPE) is gone even if its end of
      // our input is still open: stop rather than serve into the void.
      if ((!frames.empty() && !on_frames(frames)) || output_closed_) {
        io_.stop(); // other work (watchers, timers) must not keep the server alive
        return;
      }
    }
    if (read_error) { // EOF or a broken pipe: the client is gone
      io_.stop();
      return;
    }
    read_more();
  };
  read_more();
  io_.run();
}

void StdioTransport::run_blocking(FrameReader &reader,
                                  const std::function<bool(std::vector<Frame> &)> &on_frames) {
  std::array<char, 64 * 1024> buffer;
  while (true) {
    ssize_t count = ::read(input_fd_, buffer.data(), buffer.size());
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return;
    reader.feed(std::string_view(buffer.data(), static_cast<std::size_t>(count)));
    std::vector<Frame> frames;
    while (auto frame = reader.next()) frames.push_back(std::move(*frame));
    if ((!frames.empty() && !on_frames(frames)) || output_closed_) return;
  }
}

} // namespace gloss
