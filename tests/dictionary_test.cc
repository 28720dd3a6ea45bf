// dictionary/dictionary.h: the embedded German dictionary and the reader of
// the compiled format (dictionary_format.h).
#include "dictionary/dictionary.h"

#include "dictionary/dictionary_format.h"
#include "util/little_endian.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace archivar::dictionary {
namespace {

using Bytes = std::vector<unsigned char>;

// The compiled form of `entries` with `slot_count` slots, as bytes.
Bytes Compile(const std::vector<format::Entry>& entries, uint32_t slot_count) {
  std::string compiled = format::Compile(entries, slot_count);
  return Bytes(compiled.begin(), compiled.end());
}

const std::vector<format::Entry> kSmallEntries = {
    {"haus", kNoun | kNounStem},
    {"muenchen", kNoun | kUmlautSpelled},
    {"michael", kNoun | kLiteralSpelled},
    {"laufen", kOtherWord},
    {"waffen", kCompoundOnly},
};

TEST_CASE("The German dictionary has the full word lists") {
  CHECK(Dictionary::German().size() > 300000);
}

TEST_CASE("The German dictionary flags what the word lists say about known words") {
  const Dictionary& german = Dictionary::German();
  SECTION("nouns and other words") {
    CHECK(german.IsWord("haus"));
    CHECK(german.IsNoun("haus"));
    CHECK(german.IsNoun("minister"));
    CHECK(german.IsWord("laufen"));
    CHECK((german.Flags("laufen") & kOtherWord) != 0);
    CHECK_FALSE(german.IsNoun("laufen"));
  }
  SECTION("the stem of an umlaut-free noun") {
    CHECK(german.IsNounStem("haus"));   // Haus
    CHECK(german.IsNounStem("kraft"));  // Kraft, for Streitkräften
    CHECK_FALSE(german.IsNounStem("laufen"));
  }
  SECTION("words listed with umlauts are spelled with ae/oe/ue") {
    for (const char* key : {"muenchen", "pjoengjang", "schluessel", "haeuser"}) {
      INFO(key);
      CHECK((german.Flags(key) & kUmlautSpelled) != 0);
      CHECK((german.Flags(key) & kLiteralSpelled) == 0);
    }
  }
  SECTION("words with a genuine ae/ue are listed literally") {
    for (const char* key : {"michael", "aktuell", "israel", "quelle"}) {
      INFO(key);
      CHECK((german.Flags(key) & kLiteralSpelled) != 0);
      CHECK((german.Flags(key) & kUmlautSpelled) == 0);
    }
  }
  SECTION("keys are in canonical spelling, not as written") {
    CHECK(german.IsNoun("strasse"));
    CHECK(german.Flags("Haus") == 0);
    CHECK(german.Flags("münchen") == 0);
  }
}

TEST_CASE("The German dictionary gives 0 for words it does not have") {
  const Dictionary& german = Dictionary::German();
  for (const char* key : {"xyzzyq", "uber", "atomwaffenprogrammx", ""}) {
    INFO(key);
    CHECK(german.Flags(key) == 0);
    CHECK_FALSE(german.IsWord(key));
    CHECK_FALSE(german.IsNoun(key));
    CHECK_FALSE(german.IsNounStem(key));
  }
  CHECK(german.Flags(std::string(300, 'a')) == 0);  // longer than any key can be
}

TEST_CASE("A Dictionary over hand-compiled data finds exactly its keys") {
  Bytes data = Compile(kSmallEntries, 16);
  Dictionary dictionary(data.data(), data.size());
  CHECK(dictionary.size() == kSmallEntries.size());
  for (const auto& [key, flags] : kSmallEntries) {
    INFO(key);
    CHECK(dictionary.Flags(key) == flags);
  }
  CHECK(dictionary.IsNoun("haus"));
  CHECK(dictionary.IsNounStem("haus"));
  CHECK(dictionary.IsWord("laufen"));
  CHECK_FALSE(dictionary.IsWord("waffen"));  // compound-only forms are not words
  for (const char* absent : {"hau", "hausx", "Haus", "maus", "", "muenchener"}) {
    INFO(absent);
    CHECK(dictionary.Flags(absent) == 0);
  }
}

TEST_CASE("A Dictionary finds keys that collide in the hash table") {
  // Two of any five keys share one of four slots, so the second of them
  // is found only by probing past the first.
  const std::string candidates[] = {"haus", "laufen", "maus", "rat", "wahl"};
  std::string first, second;
  for (const auto& a : candidates) {
    for (const auto& b : candidates) {
      if (a < b && (format::Hash(a) & 3) == (format::Hash(b) & 3) && first.empty()) {
        first = a;
        second = b;
      }
    }
  }
  REQUIRE_FALSE(first.empty());
  INFO(first << " and " << second << " share a slot");
  Bytes data = Compile({{first, kNoun}, {second, kOtherWord}}, 4);
  Dictionary dictionary(data.data(), data.size());
  CHECK(dictionary.Flags(first) == kNoun);
  CHECK(dictionary.Flags(second) == kOtherWord);
  for (const auto& other : candidates) {
    if (other == first || other == second) continue;
    INFO(other);
    CHECK(dictionary.Flags(other) == 0);
  }
}

TEST_CASE("The compiled table is a power of two at most three quarters full") {
  for (std::size_t entries : {0, 1, 3, 4, 5, 12, 13, 1000, 381379}) {
    INFO(entries);
    uint32_t slots = format::SlotCountFor(entries);
    CHECK((slots & (slots - 1)) == 0);
    CHECK(slots > entries);
    CHECK(std::size_t{slots} * 3 >= entries * 4);
    CHECK((slots / 2) * 3 < entries * 4 + 3);  // not needlessly large
  }
}

TEST_CASE("A Dictionary over invalid data is empty") {
  Bytes good = Compile(kSmallEntries, 16);
  auto with = [&](std::size_t offset, unsigned char byte) {
    Bytes bad = good;
    bad[offset] = byte;
    return bad;
  };
  auto with_u32 = [&](std::size_t offset, uint32_t value) {
    Bytes bad = good;
    for (int i = 0; i < 4; ++i) bad[offset + i] = static_cast<unsigned char>(value >> (8 * i));
    return bad;
  };
  auto with_slot_count = [&](uint32_t slot_count) { return with_u32(8, slot_count); };
  struct Case {
    const char* what;
    Bytes data;
  };
  const Case cases[] = {
      {"no data", {}},
      {"shorter than the header", Bytes(good.begin(), good.begin() + 10)},
      {"wrong magic", with(0, 'X')},
      {"slot count zero", with_slot_count(0)},
      {"slot count not a power of two", with_slot_count(17)},
      {"slot table longer than the data", with_slot_count(1u << 20)},
      {"slot table cut off", Bytes(good.begin(), good.begin() + format::kHeaderBytes + 4 * 8)},
      {"no offset bits", with_u32(16, 0)},
      {"more offset bits than a slot has", with_u32(16, 33)},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Dictionary dictionary(c.data.data(), c.data.size());
    CHECK(dictionary.size() == 0);
    for (const auto& entry : kSmallEntries) {
      INFO(entry.first);
      CHECK(dictionary.Flags(entry.first) == 0);
    }
  }
}

TEST_CASE("A Dictionary does not read past its data when slots point outside it") {
  Bytes data = Compile(kSmallEntries, 16);
  const std::size_t slots_begin = format::kHeaderBytes;
  const std::size_t blob_begin = slots_begin + 16 * 4;
  // Every used slot points to the last offset its bits can hold, far past
  // the blob (its tag kept, so the lookup does read the entry).
  const uint32_t offset_bits = ReadU32(&data[16]);
  for (std::size_t at = slots_begin; at < blob_begin; at += 4) {
    uint32_t slot = ReadU32(&data[at]);
    if (slot == 0) continue;
    slot |= format::OffsetMask(offset_bits);
    for (int i = 0; i < 4; ++i) data[at + i] = static_cast<unsigned char>(slot >> (8 * i));
  }
  Dictionary dictionary(data.data(), data.size());
  for (const auto& [key, flags] : kSmallEntries) {
    INFO(key);
    CHECK(dictionary.Flags(key) == 0);
  }
  // An entry whose length runs past the end of the data.
  Bytes cut = Compile({{"haus", kNoun}}, 2);
  cut.pop_back();
  Dictionary truncated(cut.data(), cut.size());
  CHECK(truncated.Flags("haus") == 0);
}

TEST_CASE("A Dictionary lookup ends when the hash table has no free slot") {
  // Invalid data: every slot is taken, so a linear probe for a missing key
  // never meets an empty slot.  The lookup must still return 0 (or the data
  // be refused as invalid), not loop forever.  It runs on its own thread so
  // that a hang fails this test instead of stalling the run.
  auto data = std::make_shared<Bytes>(Compile({{"haus", kNoun}, {"laufen", kOtherWord}}, 2));
  std::promise<uint8_t> looked_up;
  std::future<uint8_t> result = looked_up.get_future();
  std::thread([data, promise = std::move(looked_up)]() mutable {
    Dictionary dictionary(data->data(), data->size());
    promise.set_value(dictionary.Flags("maus"));
  }).detach();
  REQUIRE(result.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  CHECK(result.get() == 0);
}

}  // namespace
}  // namespace archivar::dictionary
