#include "transport.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

std::vector<Frame> drain(FrameReader &reader) {
  std::vector<Frame> frames;
  while (auto frame = reader.next()) frames.push_back(std::move(*frame));
  return frames;
}

TEST(FrameReader, ReadsAWholeFrame) {
  FrameReader reader;
  reader.feed(frame_message("{\"a\":1}"));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{\"a\":1}");
  EXPECT_TRUE(frames[0].error.empty());
}

TEST(FrameReader, ReassemblesFramesSplitAtEveryByte) {
  std::string stream = frame_message("{\"x\":\"\xC3\xA9\"}") + frame_message("[]");
  FrameReader reader;
  std::vector<Frame> frames;
  for (char c : stream) {
    reader.feed(std::string_view(&c, 1));
    for (Frame &frame : drain(reader)) frames.push_back(std::move(frame));
  }
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].body, "{\"x\":\"\xC3\xA9\"}");
  EXPECT_EQ(frames[1].body, "[]");
}

TEST(FrameReader, AcceptsOtherHeadersInAnyCase) {
  FrameReader reader;
  reader.feed("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}");
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(FrameReader, ReportsAMissingContentLengthAndResynchronises) {
  FrameReader reader;
  reader.feed("X-Foo: bar\r\n\r\n" + frame_message("{}"));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].error, "missing Content-Length header");
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(FrameReader, ReportsANonNumericLength) {
  FrameReader reader;
  reader.feed("Content-Length: lots\r\n\r\n" + frame_message("{}"));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].error, "Content-Length is not a number");
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(FrameReader, SkipsAnOversizedBodyWithoutBufferingIt) {
  FrameReader reader(16);
  reader.feed("Content-Length: 40\r\n\r\n0123456789");
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_NE(frames[0].error.find("exceeds the limit"), std::string::npos);
  reader.feed(std::string(30, 'z') + frame_message("{}"));
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(FrameReader, GivesUpOnAnEndlessHeader) {
  FrameReader reader;
  reader.feed(std::string(FrameReader::max_header_block + 10, 'h'));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_FALSE(frames[0].error.empty());
  reader.feed(frame_message("{}"));
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(FrameReader, WaitsForTheRestOfABody) {
  FrameReader reader;
  reader.feed("Content-Length: 4\r\n\r\n{}");
  EXPECT_TRUE(drain(reader).empty());
  reader.feed("  ");
  EXPECT_EQ(drain(reader).size(), 1u);
}

} // namespace
} // namespace gloss
