//===--- transport.h - LSP base protocol framing over stdio ---------------===//
//
// FrameReader is pure and incremental: bytes go in, whole message bodies or
// framing errors come out, so it can be tested and fuzzed without I/O. After a
// bad header it resynchronises at the next header block, and a body larger
// than the limit is skipped as it streams past rather than buffered.
//
// StdioTransport reads fd 0 with Boost.Asio and writes framed replies to fd 1.
// A client that vanishes (EOF, EPIPE) ends the loop cleanly.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_TRANSPORT_H
#define GLOSS_LSP_TRANSPORT_H

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct Frame {
  std::string body;  ///< the message, when error is empty
  std::string error; ///< a framing problem, e.g. "missing Content-Length header"
};

class FrameReader {
public:
  static constexpr std::size_t default_max_body = 64 * 1024 * 1024;
  static constexpr std::size_t max_header_block = 8 * 1024;

  explicit FrameReader(std::size_t max_body = default_max_body) : max_body_(max_body) {}

  void feed(std::string_view bytes);
  /// The next complete frame or error, if any.
  std::optional<Frame> next();

private:
  std::string buffer_;
  std::size_t max_body_;
  std::size_t skip_ = 0; ///< bytes of an oversized body still to discard
};

/// Prefixes `body` with its Content-Length header.
std::string frame_message(std::string_view body);

/// Writes whole frames to a file descriptor. Thread-safe.
class Transport {
public:
  virtual ~Transport() = default;
  /// Sends one message body. Returns false once the peer is gone.
  virtual bool send(std::string_view body) = 0;
};

class StdioTransport : public Transport {
public:
  StdioTransport(int input_fd, int output_fd);
  bool send(std::string_view body) override;

  /// The loop run() drives; others (file watching) may schedule work on it.
  boost::asio::io_context &io() { return io_; }

  /// Reads until EOF or until `on_frames` returns false. Each call of
  /// `on_frames` receives every frame that arrived in one read, in order.
  void run(const std::function<bool(std::vector<Frame> &)> &on_frames);

private:
  void run_blocking(FrameReader &reader, const std::function<bool(std::vector<Frame> &)> &on_frames);

  boost::asio::io_context io_;
  int input_fd_;
  int output_fd_;
  std::atomic<bool> output_closed_{false}; ///< a write failed: nobody reads us any more
};

} // namespace gloss

#endif
