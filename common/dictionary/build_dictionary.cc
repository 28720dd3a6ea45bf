// archivar-build-dictionary: compiles Debian's German word lists into the
// dictionary embedded in Archivar (format: dictionary_format.h).  Run by
// the build, not by users:
//
//   archivar-build-dictionary OUT WORDLIST HUNSPELL_DIC
//
// WORDLIST is a plain list of full forms, one per line (wngerman's
// /usr/share/dict/ngerman); HUNSPELL_DIC is a hunspell dictionary
// (hunspell-de-de's de_DE.dic: a count line, then "word/FLAGS" lines).
// Capitalised entries count as nouns.  Hunspell entries with the flag
// 'h' (igerman98's pseudo-roots, such as "Häuser/hij") occur only inside
// compounds; every other hunspell entry is a whole entry, never split.
#include "analysis/german_stemmer.h"
#include "dictionary/dictionary.h"
#include "dictionary/dictionary_format.h"
#include "text/spelling.h"
#include "text/unicode.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

using archivar::dictionary::WordFlag;
namespace format = archivar::dictionary::format;

using Entries = std::map<std::string, uint8_t>;

bool IsPlainWord(const std::string& word) {
  if (word.empty() || word.size() > 64) return false;
  for (unsigned char c : word) {
    if (c < 0x80 && !std::isalpha(c)) return false;  // digits, '-', '.', "'"
  }
  return archivar::text::IsValidUtf8(word);
}

bool IsCapitalised(const std::string& word) {
  unsigned char first = static_cast<unsigned char>(word[0]);
  return (first >= 'A' && first <= 'Z') || word.rfind("Ä", 0) == 0 ||
         word.rfind("Ö", 0) == 0 || word.rfind("Ü", 0) == 0;
}

bool HasLiteralUmlautSpelling(const std::string& key) {
  return key.find("ae") != std::string::npos || key.find("oe") != std::string::npos ||
         key.find("ue") != std::string::npos;
}

enum class Source { kWordList, kHunspellEntry, kHunspellPseudoRoot };

void AddWord(const std::string& word, Source source,
             archivar::analysis::GermanStemmer& stemmer, Entries& entries) {
  bool compound_only = source == Source::kHunspellPseudoRoot;
  if (!IsPlainWord(word)) return;
  std::string folded = archivar::text::FoldWord(word);
  std::string key = archivar::text::GermanSpelling(folded);
  if (key.empty() || key.size() > format::kMaxKeyBytes) return;
  bool noun = IsCapitalised(word);
  bool umlaut = archivar::text::HasGermanUmlaut(folded);
  uint8_t flags = compound_only ? WordFlag::kCompoundOnly
                                : (noun ? WordFlag::kNoun : WordFlag::kOtherWord);
  if (umlaut) flags |= WordFlag::kUmlautSpelled;
  else if (HasLiteralUmlautSpelling(key)) flags |= WordFlag::kLiteralSpelled;
  if (source == Source::kHunspellEntry) flags |= WordFlag::kWholeEntry;
  entries[key] |= flags;
  if (noun && !umlaut && !compound_only) {
    entries[stemmer.Stem(folded)] |= WordFlag::kNounStem;
  }
}

bool ReadWordList(const std::string& path, archivar::analysis::GermanStemmer& stemmer,
                  Entries& entries) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) AddWord(line, Source::kWordList, stemmer, entries);
  return true;
}

bool ReadHunspellDic(const std::string& path, archivar::analysis::GermanStemmer& stemmer,
                     Entries& entries) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::getline(in, line);  // entry count
  while (std::getline(in, line)) {
    std::size_t slash = line.find('/');
    std::string word = line.substr(0, slash);
    std::string flags = slash == std::string::npos ? "" : line.substr(slash + 1);
    bool pseudo_root = flags.find('h') != std::string::npos;
    AddWord(word, pseudo_root ? Source::kHunspellPseudoRoot : Source::kHunspellEntry, stemmer,
            entries);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: archivar-build-dictionary OUT WORDLIST HUNSPELL_DIC\n";
    return 2;
  }
  archivar::analysis::GermanStemmer stemmer;
  Entries entries;
  for (auto [path, read] : {std::pair{argv[2], &ReadWordList}, std::pair{argv[3], &ReadHunspellDic}}) {
    if (!read(path, stemmer, entries)) {
      std::cerr << "archivar-build-dictionary: cannot read " << path << "\n";
      return 2;
    }
  }
  std::vector<format::Entry> sorted(entries.begin(), entries.end());
  std::ofstream out(argv[1], std::ios::binary);
  out << format::Compile(sorted, format::SlotCountFor(sorted.size()));
  if (!out) {
    std::cerr << "archivar-build-dictionary: cannot write " << argv[1] << "\n";
    return 2;
  }
  std::cout << "archivar-build-dictionary: " << entries.size() << " keys\n";
  return 0;
}
