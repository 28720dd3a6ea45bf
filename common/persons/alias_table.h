// AliasTable: one canonical name per person, and the other ways texts write
// that person — transliterations ("Vladimir Putin" for "Wladimir Putin",
// "Sergei Shoigu" for "Sergej Schoigu", "Zelensky" for "Wolodymyr
// Selenskyj"), spellings ("Kim Jong-un" for "Kim Jong Un") and, for famous
// people whom the surname alone names without doubt, the bare surname
// ("Merkel" for "Angela Merkel").
//
// The built-in table (data/aliases.tsv, embedded in the programs) covers
// people German news mentions most.  Users add their own with LoadFile on
// a table made by OverBuiltin(), whose own forms come before the built-in
// ones; the built-in table is parsed on the first lookup that reaches it,
// so a program run that asks for no person does not pay for it (about
// 1.5 ms of archivar-search's start-up; bench/README.md).
//
// File format (the built-in file and user files alike), UTF-8, one person
// per line, fields separated by TAB characters:
//
//   # comment
//   Wladimir Putin<TAB>Vladimir Putin<TAB>Putin
//   Katrin Albers<TAB>Albers
//
// The first field is the canonical name; every field, the first included,
// is a form that means this person.  Forms are compared by PersonKey, the
// folding keyword search uses (case, umlauts as ae/oe/ue, other marks
// removed, hyphens as spaces): "ERDOGAN", "Erdogan" and "Erdoğan" are one
// form.  A form listed again (later in the file, or in a file loaded later)
// replaces the earlier mapping; so a user file can also re-map a built-in
// surname ("Schröder<TAB>Schröder" makes a bare "Schröder" nobody in
// particular again, "Gerhard Schröder" stays Gerhard Schröder).
//
// The recognizer also uses the table to find people: a form of the table
// that stands in a text is a mention of its person.
//
// A value type; copying copies the table.  Lookups are const and
// thread-safe; LoadFile is not (load before sharing).
#pragma once

#include "util/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace archivar::persons {

// The folded key of a person's name, used for index terms and alias
// lookups: the keyword-search canonical spelling of each word, hyphens as
// spaces, words joined by single spaces ("Wladimir Putin" ->
// "wladimir putin", "Kim Jong-un" -> "kim jong un", "Erdoğan" ->
// "erdogan").  Empty when the name has no words.
std::string PersonKey(std::string_view canonical_name);

class AliasTable {
 public:
  // An empty table.
  AliasTable() = default;

  // The table built from the embedded data/aliases.tsv (built on first use;
  // thread-safe).
  static const AliasTable& Builtin();

  // An empty table over the built-in one: lookups see its own forms first,
  // then Builtin()'s (built when a lookup first reaches it).
  static AliasTable OverBuiltin();

  // Adds the persons of a file (format above); its forms replace earlier
  // mappings of the same forms.  Returns true, or the reason the file was
  // not loaded ("path: cannot read", "path:12: no name before the first
  // TAB"); on failure nothing of the file is added.
  Result<bool> LoadFile(const std::string& path);

  // Adds the persons of text in the file format; `origin` names it in
  // error messages.  Same contract as LoadFile.
  Result<bool> LoadText(std::string_view text, const std::string& origin = "aliases");

  // The canonical name for a name as written: the table's canonical name
  // when some form of a person has the name's key ("Putin", "Vladimir
  // Putin" -> "Wladimir Putin"), otherwise the name itself with its
  // whitespace normalised ("Katrin  Albers" -> "Katrin Albers").
  std::string Canonical(std::string_view name) const;

  // The canonical name of the person whose form has this PersonKey, or
  // nullptr.
  const std::string* FindKey(const std::string& key) const;

  // The most words of any form, and whether some form begins with a word
  // of this key (for matching forms in a text).
  std::size_t max_form_words() const;
  bool IsFormStart(const std::string& first_word_key) const;

 private:
  // The built-in table when this one lies over it, else null.
  const AliasTable* Below() const { return over_builtin_ ? &Builtin() : nullptr; }

  std::unordered_map<std::string, std::string> canonical_by_key_;
  std::unordered_set<std::string> form_starts_;
  std::size_t max_form_words_ = 0;
  bool over_builtin_ = false;
};

}  // namespace archivar::persons
