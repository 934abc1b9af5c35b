// The logic below the LSP layer must not know about JSON-RPC (DESIGN.md):
// no core file may include the LSP layer's headers or nlohmann_json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

const std::set<std::string> lsp_layer = {"transport", "jsonrpc", "protocol", "server", "main"};

TEST(Layering, CoreFilesDoNotIncludeTheLspLayer) {
  std::filesystem::path source_root = GLOSS_SOURCE_DIR;
  int checked = 0;
  for (const char *directory : {"lsp", "parsers"}) {
    for (const auto &entry : std::filesystem::directory_iterator(source_root / directory)) {
      std::string stem = entry.path().stem().string();
      std::string extension = entry.path().extension().string();
      // The command line (main, cli_*) is a front end like the server.
      if ((extension != ".h" && extension != ".cpp") || lsp_layer.count(stem) || stem.rfind("cli_", 0) == 0) continue;
      ++checked;
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) {
        if (line.rfind("#include", 0) != 0) continue;
        for (const std::string &banned : lsp_layer)
          EXPECT_EQ(line.find("\"" + banned + ".h\""), std::string::npos) << entry.path() << ": " << line;
        EXPECT_EQ(line.find("nlohmann"), std::string::npos) << entry.path() << ": " << line;
      }
    }
  }
  EXPECT_GT(checked, 10);
}

} // namespace
