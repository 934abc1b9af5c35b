// Precision on real code: each file in tests/precision/ is a realistic
// source file whose comment markers ("^ lang/topic", "^ !lang/topic") say
// which tip must (not) be the top one there. The real server is asked at
// every marker, and at every other position too, to check that no single
// tip takes over the file.
#include "example_assertions.h"
#include "language_registry.h"
#include "line_index.h"
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gloss {
namespace {

using testing::json;
using testing::LspClient;

/// No tip may be the top one at more than this share of a file's positions.
constexpr double max_share_of_one_tip = 0.25;

std::vector<std::string> precision_files() {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto &entry : std::filesystem::directory_iterator(GLOSS_PRECISION_DIR, error))
    if (entry.is_regular_file() && language_for_path(entry.path().string())) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Precision : ::testing::TestWithParam<std::string> {
  std::string cache = testing::make_temp_directory();
  void TearDown() override { std::filesystem::remove_all(cache); }
};

/// The id of the first "Explain this" action at `offset`: the top tip there.
std::string top_tip(LspClient &client, const std::string &uri, const LineIndex &lines, const std::string &code,
                    uint32_t offset) {
  TextPosition position = lines.position_of(offset, PositionEncoding::Utf8, code);
  json point = {{"line", position.line}, {"character", position.character}};
  json response = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                             {"range", {{"start", point}, {"end", point}}},
                                                             {"context", {{"diagnostics", json::array()}}}});
  const json &actions = response["result"];
  if (!actions.is_array() || actions.empty()) return "";
  return actions[0]["command"]["arguments"][0]["id"].get<std::string>();
}

TEST_P(Precision, MarkedConstructsGetTheirTipsAndNoTipTakesOver) {
  std::string path = GetParam();
  const Language &language = *language_for_path(path);
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string code = buffer.str();

  ExtractedAssertions extracted = extract_assertions(language, code);
  ASSERT_TRUE(extracted.parsed);
  EXPECT_FALSE(extracted.has_syntax_error) << path << ":" << extracted.syntax_error_line + 1 << ": syntax error";
  for (const auto &[line, message] : extracted.problems) ADD_FAILURE() << path << ":" << line + 1 << ": " << message;
  std::size_t positive = 0;
  for (const ExampleAssertion &assertion : extracted.assertions) {
    EXPECT_FALSE(assertion.expected_id.empty()) << path << ":" << assertion.line + 2 << ": markers here need an id";
    if (!assertion.negated) ++positive;
  }
  EXPECT_GE(positive, 20u) << path;

  LspClient client({"lsp"}, cache);
  json capabilities = LspClient::default_capabilities();
  capabilities["general"] = {{"positionEncodings", {"utf-8"}}};
  client.initialize(capabilities);
  std::string uri = "file://" + path;
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", uri}, {"languageId", language.lsp_ids.front()}, {"version", 1}, {"text", code}}}});
  LineIndex lines(code);

  for (const ExampleAssertion &assertion : extracted.assertions) {
    for (uint32_t byte = assertion.start_byte; byte < assertion.end_byte; ++byte) {
      std::string actual = top_tip(client, uri, lines, code, byte);
      bool ok = assertion.negated ? actual != assertion.expected_id : actual == assertion.expected_id;
      if (!ok) {
        ADD_FAILURE() << path << ":" << lines.position_of(byte, PositionEncoding::Utf8, code).line + 1 << ":"
                      << lines.position_of(byte, PositionEncoding::Utf8, code).character + 1 << ": expected "
                      << (assertion.negated ? "not " : "") << "'" << assertion.expected_id << "', got '" << actual << "'";
        break;
      }
    }
  }

  // Every position that starts a visible character, outside the marker lines.
  std::map<std::string, std::size_t> tops;
  std::size_t positions = 0;
  for (uint32_t offset = 0; offset < code.size(); offset += utf8_sequence_length(code, offset)) {
    if (std::isspace(static_cast<unsigned char>(code[offset]))) continue;
    if (extracted.assertion_lines.count(lines.position_of(offset, PositionEncoding::Utf8, code).line)) continue;
    ++positions;
    if (std::string id = top_tip(client, uri, lines, code, offset); !id.empty()) ++tops[id];
  }
  for (const auto &[id, count] : tops)
    EXPECT_LE(static_cast<double>(count) / static_cast<double>(positions), max_share_of_one_tip)
        << id << " is the top tip at " << count << " of " << positions << " positions in " << path;
}

INSTANTIATE_TEST_SUITE_P(RealCode, Precision, ::testing::ValuesIn(precision_files()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = std::filesystem::path(info.param).filename().string();
                           for (char &c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Precision);

} // namespace
} // namespace gloss
