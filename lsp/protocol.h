//===--- protocol.h - the LSP structures Gloss uses, in LSP spelling ------===//
//
// Plain structs with from_json/to_json. Reading a malformed field throws
// nlohmann::json::exception, which the dispatcher answers as InvalidParams.
// ClientCapabilities is flattened to the few flags Gloss acts on.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_PROTOCOL_H
#define GLOSS_LSP_PROTOCOL_H

#include "jsonrpc.h"
#include "line_index.h"

#include <optional>
#include <string>
#include <vector>

namespace gloss {

struct ClientCapabilities {
  bool hover_markdown = false;       ///< textDocument.hover.contentFormat lists markdown
  bool show_document = false;        ///< window.showDocument.support
  bool watched_files_registration = false; ///< workspace.didChangeWatchedFiles.dynamicRegistration
  std::vector<std::string> position_encodings; ///< general.positionEncodings
};

struct InitializeParams {
  ClientCapabilities capabilities;
  std::optional<std::string> root_uri; ///< workspaceFolders[0].uri, else rootUri, else rootPath
  /// The same keys as the `gloss` settings section (level, contentPaths, ...).
  json options = json::object();
};

struct TextDocumentItem {
  std::string uri;
  std::string language_id;
  int64_t version = 0;
  std::string text;
};

struct ContentChange {
  std::optional<TextRange> range;
  std::string text;
};

struct DidChangeParams {
  std::string uri;
  int64_t version = 0;
  std::vector<ContentChange> changes;
};

struct PositionParams {
  std::string uri;
  TextPosition position;
};

struct CodeActionParams {
  std::string uri;
  TextRange range;
};

void from_json(const json &j, TextPosition &position);
void to_json(json &j, const TextPosition &position);
void from_json(const json &j, TextRange &range);
void to_json(json &j, const TextRange &range);
void from_json(const json &j, InitializeParams &params);
void from_json(const json &j, TextDocumentItem &item);
void from_json(const json &j, DidChangeParams &params);
void from_json(const json &j, PositionParams &params);
void from_json(const json &j, CodeActionParams &params);

/// "utf-8" / "utf-16" / "utf-32" as LSP spells them.
std::string_view encoding_name(PositionEncoding encoding);
/// The encoding to use given what the client offers: utf-8 when offered
/// (our native unit), otherwise utf-16 (the LSP default).
PositionEncoding negotiate_encoding(const std::vector<std::string> &offered);

} // namespace gloss

#endif
