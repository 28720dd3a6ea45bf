// Unsigned 32-bit integers as four little-endian bytes, the byte order of
// Archivar's own binary formats (the compiled dictionary, stored body
// values).  Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace archivar {

// Appends `value` to `out` as four bytes, lowest first.
inline void AppendU32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

// The value of the four bytes at `p`, lowest first.
inline uint32_t ReadU32(const unsigned char* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

}  // namespace archivar
