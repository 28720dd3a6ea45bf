// The compiled dictionary format, written by the build-time compiler
// (build_dictionary.cc, through Compile below) and read by Dictionary.
//
//   offset 0   "ARDICT02"                         magic, 8 bytes
//   offset 8   uint32 slot_count (a power of two)  little endian
//   offset 12  uint32 entry_count
//   offset 16  uint32 offset_bits (1 … 32)
//   offset 20  uint32 slots[slot_count]            0 = empty, else see below
//   then       the blob: entries of [uint8 length][uint8 flags][length bytes]
//
// A key lives in slot Hash(key) & (slot_count - 1), or the next free one
// (linear probing).  A used slot holds 1 + the offset of its entry in the
// blob in its low `offset_bits` bits and the key's hash in the bits above
// them (a tag): a lookup skips slots whose tag differs without reading the
// blob, so a word that is not in the dictionary (most lookups, when
// compounds are split) costs one read of the slot table, and the blob's
// pages are touched only for keys that are there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace archivar::dictionary::format {

inline constexpr std::string_view kMagic = "ARDICT02";
inline constexpr std::size_t kHeaderBytes = 20;
inline constexpr std::size_t kMaxKeyBytes = 255;

// FNV-1a, 32 bits.
inline uint32_t Hash(std::string_view key) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

// The low `offset_bits` bits of a slot: where its entry is.
inline uint32_t OffsetMask(uint32_t offset_bits) {
  return offset_bits >= 32 ? 0xFFFFFFFFu : (uint32_t{1} << offset_bits) - 1;
}

// Whether a used slot's tag agrees with the hash of the key looked up.
inline bool TagMatches(uint32_t slot, uint32_t hash, uint32_t offset_bits) {
  return ((slot ^ hash) & ~OffsetMask(offset_bits)) == 0;
}

// A key (in canonical spelling) and its flags (dictionary.h).
using Entry = std::pair<std::string, uint8_t>;

// The table size for `entries` keys: the smallest power of two that keeps
// the table at most three quarters full (linear probing stays short, and
// the table small enough to stay in few pages).
uint32_t SlotCountFor(std::size_t entries);

// The compiled form of `entries` (distinct keys of at most kMaxKeyBytes)
// with `slot_count` slots (a power of two, at least the number of keys).
std::string Compile(const std::vector<Entry>& entries, uint32_t slot_count);

}  // namespace archivar::dictionary::format
