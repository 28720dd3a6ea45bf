// The compiled dictionary format, shared by the build-time compiler
// (build_dictionary.cc) and the reader (dictionary.cc).
//
//   offset 0   "ARDICT01"                         magic, 8 bytes
//   offset 8   uint32 slot_count (a power of two)  little endian
//   offset 12  uint32 entry_count
//   offset 16  uint32 slots[slot_count]            0 = empty, else 1 + offset
//                                                  of the entry in the blob
//   then       the blob: entries of [uint8 length][uint8 flags][length bytes]
//
// A key lives in slot Hash(key) & (slot_count - 1), or the next free one
// (linear probing).
#pragma once

#include <cstdint>
#include <string_view>

namespace archivar::dictionary::format {

inline constexpr std::string_view kMagic = "ARDICT01";
inline constexpr std::size_t kHeaderBytes = 16;
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

inline uint32_t ReadU32(const unsigned char* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

}  // namespace archivar::dictionary::format
