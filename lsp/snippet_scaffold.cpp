//===--- snippet_scaffold.cpp - a new snippet file that already passes lint ===//
#include "snippet_scaffold.h"

#include <map>

namespace gloss {
namespace {

struct Model {
  const char *query;
  const char *example; ///< with a marker under the function's name
  const char *link;
};

/// One working model per language: a function definition, focused on its name.
const std::map<std::string_view, Model> &models() {
  static const std::map<std::string_view, Model> table = {
      {"python", {"(function_definition name: (identifier) @focus) @construct",
                  "def greet(name):\n#   ^\n    return \"Hello, \" + name\n",
                  "https://docs.python.org/3/reference/compound_stmts.html#function-definitions"}},
      {"javascript", {"(function_declaration name: (identifier) @focus) @construct",
                      "function greet(name) {\n//       ^\n  return `Hello, ${name}`;\n}\n",
                      "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Statements/function"}},
      {"typescript", {"(function_declaration name: (identifier) @focus) @construct",
                      "function greet(name: string): string {\n//       ^\n  return `Hello, ${name}`;\n}\n",
                      "https://www.typescriptlang.org/docs/handbook/2/functions.html"}},
      {"tsx", {"(function_declaration name: (identifier) @focus) @construct",
               "function Greeting(props: { name: string }) {\n//       ^\n  return <p>Hello, {props.name}</p>;\n}\n",
               "https://www.typescriptlang.org/docs/handbook/jsx.html"}},
      {"c", {"(function_definition declarator: (function_declarator declarator: (identifier) @focus)) @construct",
             "int answer(void) {\n//  ^\n  return 42;\n}\n", "https://en.cppreference.com/w/c/language/function_definition"}},
      {"cpp", {"(function_definition declarator: (function_declarator declarator: (identifier) @focus)) @construct",
               "int answer() {\n//  ^\n  return 42;\n}\n", "https://en.cppreference.com/w/cpp/language/function"}},
      {"go", {"(function_declaration name: (identifier) @focus) @construct",
              "package main\n\nfunc answer() int {\n//   ^\n\treturn 42\n}\n", "https://go.dev/ref/spec#Function_declarations"}},
      {"rust", {"(function_item name: (identifier) @focus) @construct", "fn answer() -> i32 {\n// ^\n    42\n}\n",
                "https://doc.rust-lang.org/book/ch03-03-how-functions-work.html"}},
      {"java", {"(method_declaration name: (identifier) @focus) @construct",
                "class Example {\n  int answer() {\n//    ^\n    return 42;\n  }\n}\n",
                "https://docs.oracle.com/javase/tutorial/java/javaOO/methods.html"}},
      {"bash", {"(function_definition name: (word) @focus) @construct", "greet() {\n# <-\n  echo \"Hello, $1\"\n}\n",
                "https://www.gnu.org/software/bash/manual/bash.html#Shell-Functions"}},
  };
  return table;
}

std::string title_from(std::string_view id) {
  std::string_view topic = id.substr(id.rfind('/') + 1);
  std::string title;
  bool start = true;
  for (char c : topic) {
    if (c == '-' || c == '_' || c == '.') {
      title.push_back(' ');
      start = false;
      continue;
    }
    title.push_back(start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    start = false;
  }
  return title;
}

} // namespace

std::string scaffold_snippet(const Language &language, std::string_view id) {
  const Model &model = models().at(language.id);
  std::string fence(language.fence_tags.front());
  std::string text = "---\n";
  text += "id: " + std::string(id) + "\n";
  text += "title: " + title_from(id) + "\n";
  text += "language: " + std::string(language.id) + "\n";
  text += "level: intermediate          # beginner | intermediate | advanced\n";
  text += "tags: []\n";
  text += "# The query below is a working model (a function definition, focused on its name).\n";
  text += "# Replace it with the construct this tip explains; `gloss explain --tree FILE:LINE:COL`\n";
  text += "# shows the node types at a position.\n";
  text += "query: |\n  " + std::string(model.query) + "\n";
  text += "links:\n  - title: \"" + std::string(language.display_name) + " reference\"\n    url: " + model.link + "\n";
  text += "---\n";
  text += "Say what the construct does, in at most three short lines: this is the hover.\n\n";
  text += "## Explanation\nWhy the construct exists and how it works.\n\n";
  text += "## Common mistake\nOne mistake learners make with it, and the fix.\n\n";
  text += "## Example\n```" + fence + "\n" + model.example + "```\n";
  return text;
}

} // namespace gloss
