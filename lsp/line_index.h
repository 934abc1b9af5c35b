//===--- line_index.h - LSP positions to byte offsets and back ------------===//
//
// LSP positions are (line, character) where "character" counts UTF-16 code
// units by default, or bytes when the client negotiated utf-8. Lines end at
// "\n", "\r\n" or a lone "\r". tree-sitter wants byte offsets and (row, byte
// column) points whose rows count "\n" only. This file owns both mappings.
//
// Positions past the end of a line clamp to the line's end; lines past the
// end of the text clamp to the end of the text. A character index that lands
// inside a multi-unit character rounds down to that character's start.
// Invalid UTF-8 bytes count as one code unit each (as U+FFFD would).
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_LINE_INDEX_H
#define GLOSS_LSP_LINE_INDEX_H

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace gloss {

/// How LSP counts characters within a line: UTF-16 code units (the default),
/// bytes, or Unicode code points (also what `gloss explain FILE:LINE:COL` uses).
enum class PositionEncoding { Utf16, Utf8, Utf32 };

struct TextPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const TextPosition &, const TextPosition &) = default;
};

struct TextRange {
  TextPosition start;
  TextPosition end;
};

class LineIndex {
public:
  explicit LineIndex(std::string_view text);

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte offset where `line` starts (clamped to the last line).
  uint32_t line_start(uint32_t line) const;
  /// Byte offset where `line`'s content ends, before its terminator.
  uint32_t line_content_end(uint32_t line, std::string_view text) const;

  uint32_t offset_of(TextPosition position, PositionEncoding encoding,
                     std::string_view text) const;
  TextPosition position_of(uint32_t offset, PositionEncoding encoding,
                           std::string_view text) const;
  /// tree-sitter's point for `offset`: rows count "\n", columns count bytes.
  TSPoint point_of(uint32_t offset, std::string_view text) const;

private:
  std::vector<uint32_t> line_starts_;
  bool has_lone_carriage_return_ = false;
};

/// Length in bytes of the UTF-8 sequence starting at text[i], or 1 if the
/// bytes there are not valid UTF-8.
uint32_t utf8_sequence_length(std::string_view text, std::size_t i);

} // namespace gloss

#endif
