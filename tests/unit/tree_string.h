//===--- tree_string.h - a syntax tree as an S-expression, for comparing --===//
#ifndef GLOSS_TESTS_TREE_STRING_H
#define GLOSS_TESTS_TREE_STRING_H

#include "syntax_tree.h"

#include <cstdlib>
#include <string>

namespace gloss::testing {

inline std::string tree_string(const SyntaxTree &tree) {
  char *string = ts_node_string(tree.root());
  std::string result(string);
  std::free(string);
  return result;
}

} // namespace gloss::testing

#endif
