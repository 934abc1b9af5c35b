//===--- protocol.cpp - the LSP structures Gloss uses, in LSP spelling ----===//
#include "protocol.h"

#include <algorithm>

namespace gloss {
namespace {

/// LSP uses uinteger; a negative or fractional value is a client bug we clamp.
uint32_t read_uinteger(const json &j, const char *key) {
  const json &value = j.at(key);
  if (value.is_number_unsigned()) return static_cast<uint32_t>(std::min<uint64_t>(value.get<uint64_t>(), UINT32_MAX));
  if (value.is_number_integer()) return value.get<int64_t>() < 0 ? 0 : static_cast<uint32_t>(std::min<int64_t>(value.get<int64_t>(), UINT32_MAX));
  throw json::type_error::create(302, std::string("'") + key + "' must be a non-negative integer", &value);
}

const json *find_path(const json &j, std::initializer_list<const char *> path) {
  const json *current = &j;
  for (const char *key : path) {
    if (!current->is_object()) return nullptr;
    auto it = current->find(key);
    if (it == current->end()) return nullptr;
    current = &*it;
  }
  return current;
}

} // namespace

void from_json(const json &j, TextPosition &position) {
  position.line = read_uinteger(j, "line");
  position.character = read_uinteger(j, "character");
}

void to_json(json &j, const TextPosition &position) {
  j = {{"line", position.line}, {"character", position.character}};
}

void from_json(const json &j, TextRange &range) {
  j.at("start").get_to(range.start);
  j.at("end").get_to(range.end);
}

void to_json(json &j, const TextRange &range) { j = {{"start", range.start}, {"end", range.end}}; }

void from_json(const json &j, InitializeParams &params) {
  if (!j.is_object()) throw json::type_error::create(302, "initialize params must be an object", &j);
  const json capabilities = j.value("capabilities", json::object());
  if (const json *formats = find_path(capabilities, {"textDocument", "hover", "contentFormat"}); formats && formats->is_array())
    params.capabilities.hover_markdown = std::find(formats->begin(), formats->end(), "markdown") != formats->end();
  if (const json *show = find_path(capabilities, {"window", "showDocument", "support"}); show && show->is_boolean())
    params.capabilities.show_document = show->get<bool>();
  if (const json *watch = find_path(capabilities, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
      watch && watch->is_boolean())
    params.capabilities.watched_files_registration = watch->get<bool>();
  if (const json *encodings = find_path(capabilities, {"general", "positionEncodings"}); encodings && encodings->is_array())
    for (const json &encoding : *encodings)
      if (encoding.is_string()) params.capabilities.position_encodings.push_back(encoding.get<std::string>());
  if (const json *folders = find_path(j, {"workspaceFolders"}); folders && folders->is_array() && !folders->empty() &&
      (*folders)[0].is_object() && (*folders)[0].contains("uri") && (*folders)[0]["uri"].is_string())
    params.root_uri = (*folders)[0]["uri"].get<std::string>();
  else if (const json *root = find_path(j, {"rootUri"}); root && root->is_string())
    params.root_uri = root->get<std::string>();
  else if (const json *path = find_path(j, {"rootPath"}); path && path->is_string())
    params.root_uri = path->get<std::string>();
  if (const json *options = find_path(j, {"initializationOptions"}); options && options->is_object())
    params.options = *options;
}

void from_json(const json &j, TextDocumentItem &item) {
  j.at("uri").get_to(item.uri);
  j.at("languageId").get_to(item.language_id);
  j.at("version").get_to(item.version);
  j.at("text").get_to(item.text);
}

void from_json(const json &j, DidChangeParams &params) {
  const json &document = j.at("textDocument");
  document.at("uri").get_to(params.uri);
  if (document.contains("version") && document["version"].is_number_integer())
    params.version = document["version"].get<int64_t>();
  for (const json &change : j.at("contentChanges")) {
    ContentChange parsed;
    change.at("text").get_to(parsed.text);
    if (change.contains("range")) parsed.range = change["range"].get<TextRange>();
    params.changes.push_back(std::move(parsed));
  }
}

void from_json(const json &j, PositionParams &params) {
  j.at("textDocument").at("uri").get_to(params.uri);
  j.at("position").get_to(params.position);
}

void from_json(const json &j, CodeActionParams &params) {
  j.at("textDocument").at("uri").get_to(params.uri);
  j.at("range").get_to(params.range);
}

std::string_view encoding_name(PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8: return "utf-8";
  case PositionEncoding::Utf16: return "utf-16";
  case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

PositionEncoding negotiate_encoding(const std::vector<std::string> &offered) {
  if (std::find(offered.begin(), offered.end(), "utf-8") != offered.end()) return PositionEncoding::Utf8;
  return PositionEncoding::Utf16;
}

} // namespace gloss
