//===--- builtin_pack.cpp - the built-in pack as snippets -----------------===//
#include "builtin_content.h"
#include "content_loader.h"

namespace gloss {
namespace {

Snippet unpack(const PackedSnippet &packed) {
  Snippet snippet;
  snippet.id = packed.id;
  snippet.title = packed.title;
  snippet.language = packed.language;
  snippet.level = packed.level;
  snippet.kind = packed.kind;
  snippet.tags.assign(packed.tags.begin(), packed.tags.end());
  snippet.query = packed.query;
  snippet.query_line = packed.query_line;
  for (const PackedLink &link : packed.links) snippet.links.push_back({std::string(link.title), std::string(link.url)});
  snippet.summary = packed.summary;
  snippet.details = packed.details;
  snippet.details_line = packed.details_line;
  snippet.examples_checked = false;
  for (const PackedExample &example : packed.examples)
    snippet.examples.push_back({std::string(example.code), example.source_line, {}});
  snippet.source = packed.source;
  snippet.layer = 0;
  return snippet;
}

} // namespace

LoadedContent load_builtin_content(ExampleCheck check) {
  if (check == ExampleCheck::Full) return load_embedded_files(builtin_content_files(), check);
  LoadedContent content;
  content.snippets.reserve(packed_builtin_snippets().size());
  for (const PackedSnippet &packed : packed_builtin_snippets()) content.snippets.push_back(unpack(packed));
  return content;
}

LoadedContent load_layers(const std::vector<std::filesystem::path> &directories, ExampleCheck check) {
  LoadedContent content = load_builtin_content(check);
  int layer = 1;
  for (const auto &directory : directories) content.append(load_content_directory(directory, layer++, check));
  return content;
}

} // namespace gloss
