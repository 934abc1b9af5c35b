#include "line_index.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

// "a😀b" : 😀 is 4 bytes in UTF-8 and 2 units in UTF-16.
const std::string emoji_line = "a\xF0\x9F\x98\x80" "b";
// "日本" : each is 3 bytes in UTF-8 and 1 unit in UTF-16.
const std::string cjk_line = "\xE6\x97\xA5\xE6\x9C\xAC=1";

TEST(LineIndex, Utf16CountsAstralCharactersAsTwoUnits) {
  std::string text = "x\n" + emoji_line + "\n";
  LineIndex index(text);
  EXPECT_EQ(index.offset_of({1, 0}, PositionEncoding::Utf16, text), 2u);
  EXPECT_EQ(index.offset_of({1, 1}, PositionEncoding::Utf16, text), 3u);
  EXPECT_EQ(index.offset_of({1, 3}, PositionEncoding::Utf16, text), 7u); // 'b'
  EXPECT_EQ(index.position_of(7, PositionEncoding::Utf16, text), (TextPosition{1, 3}));
}

TEST(LineIndex, Utf16InsideASurrogatePairRoundsDownToTheCharacter) {
  LineIndex index(emoji_line);
  EXPECT_EQ(index.offset_of({0, 2}, PositionEncoding::Utf16, emoji_line), 1u);
}

TEST(LineIndex, Utf8CountsBytes) {
  LineIndex index(cjk_line);
  EXPECT_EQ(index.offset_of({0, 6}, PositionEncoding::Utf8, cjk_line), 6u);
  EXPECT_EQ(index.position_of(6, PositionEncoding::Utf8, cjk_line), (TextPosition{0, 6}));
  // A byte count inside a character rounds down to its start.
  EXPECT_EQ(index.offset_of({0, 4}, PositionEncoding::Utf8, cjk_line), 3u);
}

TEST(LineIndex, CjkIsOneUtf16UnitAndOneCodePoint) {
  LineIndex index(cjk_line);
  EXPECT_EQ(index.offset_of({0, 2}, PositionEncoding::Utf16, cjk_line), 6u);
  EXPECT_EQ(index.offset_of({0, 2}, PositionEncoding::Utf32, cjk_line), 6u);
  EXPECT_EQ(index.position_of(7, PositionEncoding::Utf16, cjk_line), (TextPosition{0, 3}));
}

TEST(LineIndex, Utf32CountsCodePoints) {
  LineIndex index(emoji_line);
  EXPECT_EQ(index.offset_of({0, 2}, PositionEncoding::Utf32, emoji_line), 5u);
  EXPECT_EQ(index.position_of(5, PositionEncoding::Utf32, emoji_line), (TextPosition{0, 2}));
}

TEST(LineIndex, ClampsPastTheEndOfALineAndOfTheText) {
  std::string text = "ab\r\ncd";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 2u);
  EXPECT_EQ(index.offset_of({0, 99}, PositionEncoding::Utf16, text), 2u); // before "\r\n"
  EXPECT_EQ(index.offset_of({7, 0}, PositionEncoding::Utf16, text), text.size());
  EXPECT_EQ(index.position_of(999, PositionEncoding::Utf16, text), (TextPosition{1, 2}));
}

TEST(LineIndex, LoneCarriageReturnEndsAnLspLineButNotATreeSitterRow) {
  std::string text = "a\rb\nc";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3u);
  EXPECT_EQ(index.offset_of({1, 0}, PositionEncoding::Utf16, text), 2u);
  TSPoint point = index.point_of(4, text);
  EXPECT_EQ(point.row, 1u);
  EXPECT_EQ(point.column, 0u);
  point = index.point_of(2, text);
  EXPECT_EQ(point.row, 0u);
  EXPECT_EQ(point.column, 2u);
}

TEST(LineIndex, InvalidUtf8BytesCountAsOneUnitEach) {
  std::string text = "a\xFF\xC3" "b";
  LineIndex index(text);
  EXPECT_EQ(index.offset_of({0, 3}, PositionEncoding::Utf16, text), 3u);
  EXPECT_EQ(index.position_of(4, PositionEncoding::Utf16, text), (TextPosition{0, 4}));
}

TEST(LineIndex, PositionsRoundTripInEveryEncoding) {
  std::string text = "x = 1\n" + emoji_line + " " + cjk_line + "\r\n\tend\n";
  LineIndex index(text);
  for (PositionEncoding encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    for (uint32_t offset = 0; offset <= text.size(); ++offset) {
      if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
      if (offset > 0 && text[offset - 1] == '\r' && offset < text.size() && text[offset] == '\n') continue;
      TextPosition position = index.position_of(offset, encoding, text);
      EXPECT_EQ(index.offset_of(position, encoding, text), offset) << "offset " << offset;
    }
  }
}

} // namespace
} // namespace gloss
