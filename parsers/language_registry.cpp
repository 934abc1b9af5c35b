//===--- language_registry.cpp - the languages Gloss understands ----------===//
#include "language_registry.h"

#include <algorithm>

extern "C" {
const TSLanguage *tree_sitter_python();
const TSLanguage *tree_sitter_javascript();
const TSLanguage *tree_sitter_typescript();
const TSLanguage *tree_sitter_tsx();
const TSLanguage *tree_sitter_c();
const TSLanguage *tree_sitter_cpp();
const TSLanguage *tree_sitter_go();
const TSLanguage *tree_sitter_rust();
const TSLanguage *tree_sitter_java();
const TSLanguage *tree_sitter_bash();
}

namespace gloss {
namespace {

const std::vector<Language> &table() {
  static const std::vector<Language> languages = {
      {"python", "Python", {".py", ".pyi", ".pyw"}, {"python"}, {"python", "py", "python3"}, "", tree_sitter_python},
      {"javascript", "JavaScript", {".js", ".mjs", ".cjs", ".jsx"}, {"javascript", "javascriptreact"}, {"javascript", "js", "jsx", "mjs"}, "", tree_sitter_javascript},
      {"typescript", "TypeScript", {".ts", ".mts", ".cts"}, {"typescript"}, {"typescript", "ts"}, "javascript", tree_sitter_typescript},
      {"tsx", "TSX", {".tsx"}, {"typescriptreact"}, {"tsx"}, "typescript", tree_sitter_tsx},
      {"c", "C", {".c", ".h"}, {"c"}, {"c"}, "", tree_sitter_c},
      {"cpp", "C++", {".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".ipp", ".tpp"}, {"cpp", "cuda-cpp"}, {"cpp", "c++", "cxx"}, "", tree_sitter_cpp},
      {"go", "Go", {".go"}, {"go"}, {"go", "golang"}, "", tree_sitter_go},
      {"rust", "Rust", {".rs"}, {"rust"}, {"rust", "rs"}, "", tree_sitter_rust},
      {"java", "Java", {".java"}, {"java"}, {"java"}, "", tree_sitter_java},
      {"bash", "Bash", {".sh", ".bash"}, {"shellscript", "bash", "sh"}, {"bash", "sh", "shell"}, "", tree_sitter_bash},
  };
  return languages;
}

bool contains(const std::vector<std::string_view> &values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string lowercase(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

} // namespace

std::span<const Language> all_languages() { return table(); }

const Language *language_by_id(std::string_view id) {
  for (const Language &language : table())
    if (language.id == id) return &language;
  return nullptr;
}

const Language *language_by_lsp_id(std::string_view lsp_id) {
  for (const Language &language : table())
    if (contains(language.lsp_ids, lsp_id)) return &language;
  return nullptr;
}

const Language *language_for_path(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return nullptr;
  std::string extension = lowercase(name.substr(dot));
  for (const Language &language : table())
    if (contains(language.extensions, extension)) return &language;
  return nullptr;
}

const Language *language_by_fence_tag(std::string_view tag) {
  std::string lowered = lowercase(tag);
  for (const Language &language : table())
    if (contains(language.fence_tags, lowered)) return &language;
  return nullptr;
}

std::vector<const Language *> language_lineage(const Language &language) {
  std::vector<const Language *> lineage{&language};
  const Language *current = &language;
  while (!current->parent.empty()) {
    current = language_by_id(current->parent);
    if (!current || std::find(lineage.begin(), lineage.end(), current) != lineage.end()) break;
    lineage.push_back(current);
  }
  return lineage;
}

std::string check_grammar_versions() {
  for (const Language &language : table()) {
    uint32_t abi = ts_language_abi_version(language.grammar());
    if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION)
      return "grammar '" + std::string(language.id) + "' has ABI version " + std::to_string(abi) +
             ", the runtime supports " + std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) +
             " to " + std::to_string(TREE_SITTER_LANGUAGE_VERSION);
  }
  return {};
}

} // namespace gloss
