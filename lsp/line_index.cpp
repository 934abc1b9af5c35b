//===--- line_index.cpp - LSP positions to byte offsets and back ----------===//
#include "line_index.h"

#include <algorithm>

namespace gloss {

uint32_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  uint32_t length;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return 1;
  if (i + length > text.size()) return 1;
  for (uint32_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 1;
  // Reject overlong forms and surrogates so every accepted sequence is a scalar value.
  unsigned char second = byte(i + 1);
  if (lead == 0xE0 && second < 0xA0) return 1;
  if (lead == 0xED && second > 0x9F) return 1;
  if (lead == 0xF0 && second < 0x90) return 1;
  if (lead == 0xF4 && second > 0x8F) return 1;
  return length;
}

namespace {

/// How many units of `encoding` a UTF-8 sequence of `length` bytes counts as.
uint32_t units_of(uint32_t length, PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf16: return length == 4 ? 2 : 1;
  case PositionEncoding::Utf8: return length;
  case PositionEncoding::Utf32: return 1;
  }
  return 1;
}

} // namespace

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue; // "\r\n": the "\n" ends it
      has_lone_carriage_return_ = true;
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

uint32_t LineIndex::line_start(uint32_t line) const {
  return line_starts_[std::min<std::size_t>(line, line_starts_.size() - 1)];
}

uint32_t LineIndex::line_content_end(uint32_t line, std::string_view text) const {
  line = std::min<uint32_t>(line, line_count() - 1);
  uint32_t end = line + 1 < line_count() ? line_starts_[line + 1] : static_cast<uint32_t>(text.size());
  if (end > line_starts_[line] && text[end - 1] == '\n') --end;
  if (end > line_starts_[line] && text[end - 1] == '\r') --end;
  return end;
}

uint32_t LineIndex::offset_of(TextPosition position, PositionEncoding encoding,
                              std::string_view text) const {
  if (position.line >= line_count()) return static_cast<uint32_t>(text.size());
  uint32_t offset = line_starts_[position.line];
  uint32_t end = line_content_end(position.line, text);
  uint32_t remaining = position.character;
  while (offset < end && remaining > 0) {
    uint32_t length = utf8_sequence_length(text, offset);
    uint32_t units = units_of(length, encoding);
    if (units > remaining) break; // inside a character: round down to its start
    remaining -= units;
    offset += length;
  }
  return offset;
}

TextPosition LineIndex::position_of(uint32_t offset, PositionEncoding encoding,
                                    std::string_view text) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(after - line_starts_.begin()) - 1;
  uint32_t cursor = line_starts_[line];
  uint32_t end = std::min(offset, line_content_end(line, text));
  uint32_t character = 0;
  while (cursor < end) {
    uint32_t length = utf8_sequence_length(text, cursor);
    if (cursor + length > end) break;
    character += units_of(length, encoding);
    cursor += length;
  }
  return {line, character};
}

TSPoint LineIndex::point_of(uint32_t offset, std::string_view text) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  if (!has_lone_carriage_return_) {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    uint32_t line = static_cast<uint32_t>(after - line_starts_.begin()) - 1;
    return {line, offset - line_starts_[line]};
  }
  // Rare: a lone "\r" ends an LSP line but not a tree-sitter row.
  TSPoint point{0, 0};
  for (uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

} // namespace gloss
