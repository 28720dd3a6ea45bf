#include "persons/person_recognizer.h"

#include "persons/mention_finder.h"
#include "persons/name_lexicon.h"
#include "persons/text_words.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace archivar::persons {
namespace {

void AddUnique(std::vector<std::string>& names, std::unordered_set<std::string>& seen,
               const std::string& name) {
  if (seen.insert(name).second) names.push_back(name);
}

void FillPersons(PersonAnalysis& analysis) {
  std::unordered_set<std::string> seen;
  for (const PersonMention& mention : analysis.mentions) {
    AddUnique(analysis.persons, seen, mention.person);
  }
}

}  // namespace

PersonRecognizer::PersonRecognizer(const AliasTable& aliases)
    : aliases_(aliases),
      classifier_(NameLexicon::Builtin(), aliases, dictionary::Dictionary::German()) {}

PersonAnalysis PersonRecognizer::Recognize(std::string_view text) {
  classifier_.TrimCache();
  TextWords words(text, classifier_);
  MentionFinder finder(words, NameLexicon::Builtin(), aliases_);
  PersonAnalysis analysis;
  analysis.mentions = finder.Find();
  FillPersons(analysis);
  return analysis;
}

// Title and body are read as one text, the title first, separated by a
// paragraph break (so no name runs across them); mentions are then given
// back to the field they stand in.
ArticlePersons PersonRecognizer::RecognizeArticle(std::string_view title,
                                                  std::string_view body) {
  std::string joined;
  joined.reserve(title.size() + 2 + body.size());
  joined.append(title).append("\n\n").append(body);
  std::size_t body_start = title.size() + 2;
  PersonAnalysis all = Recognize(joined);

  ArticlePersons result;
  std::unordered_set<std::string> seen;
  for (PersonMention& mention : all.mentions) {
    AddUnique(result.persons, seen, mention.person);
    if (mention.end <= title.size()) {
      result.title.mentions.push_back(std::move(mention));
    } else if (mention.start >= body_start) {
      mention.start -= body_start;
      mention.end -= body_start;
      result.body.mentions.push_back(std::move(mention));
    }
  }
  FillPersons(result.title);
  FillPersons(result.body);
  return result;
}

}  // namespace archivar::persons
