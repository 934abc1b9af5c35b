//===--- lsp_session.cpp - fuzz the framing, JSON-RPC and every method ----===//
#include "fuzz_targets.h"

#include "server.h"
#include "transport.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace gloss::fuzz {
namespace {

/// Keeps what the server sends, so replies are built and serialized for real.
class CollectingTransport : public Transport {
public:
  bool send(std::string_view body) override {
    sent += body.size();
    return true;
  }
  std::size_t sent = 0;
};

std::filesystem::path scratch_directory() {
  static const std::filesystem::path directory = [] {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("gloss-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return directory;
}

/// The fuzzer may invent any path. Two settings would make the server write
/// where it says (the learner state file, a team note in "the workspace"):
/// drop them from messages as the server would decode them, so that fuzzing
/// never writes outside the scratch directory. Invalid JSON passes unchanged.
void keep_writes_in_scratch(Frame &frame) {
  if (!frame.error.empty()) return;
  nlohmann::json message = nlohmann::json::parse(frame.body, nullptr, false);
  if (message.is_discarded()) return;
  bool changed = false;
  auto strip = [&](auto &self, nlohmann::json &node) -> void {
    if (node.is_object()) {
      changed |= node.erase("stateFile") > 0;
      if (node.contains("command") && node["command"] == "gloss.addTeamNote") {
        node["command"] = "gloss.explain";
        changed = true;
      }
      for (auto &[key, value] : node.items()) self(self, value);
    } else if (node.is_array()) {
      for (auto &value : node) self(self, value);
    }
  };
  strip(strip, message);
  if (changed) frame.body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

void lsp_session(const uint8_t *data, std::size_t size) {
  CollectingTransport transport;
  Server::Options options;
  options.explain_directory = scratch_directory() / "explain";
  options.state_file = scratch_directory() / "learner.tsv";
  Server server(options, transport, nullptr);
  FrameReader reader(1 << 20);
  reader.feed(std::string_view(reinterpret_cast<const char *>(data), size));
  std::vector<Frame> frames;
  while (std::optional<Frame> frame = reader.next()) {
    keep_writes_in_scratch(*frame);
    frames.push_back(std::move(*frame));
  }
  server.handle_frames(frames);
}

} // namespace gloss::fuzz
