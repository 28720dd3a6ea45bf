#include "dictionary/dictionary.h"

#include "dictionary/dictionary_format.h"
#include "util/little_endian.h"

#include <cstring>

// The compiled dictionary, embedded by embedded_dictionary.cc.
extern "C" const unsigned char archivar_dictionary_begin[];
extern "C" const unsigned char archivar_dictionary_end[];

namespace archivar::dictionary {

const Dictionary& Dictionary::German() {
  static const Dictionary kGerman(
      archivar_dictionary_begin,
      static_cast<std::size_t>(archivar_dictionary_end - archivar_dictionary_begin));
  return kGerman;
}

Dictionary::Dictionary(const unsigned char* data, std::size_t size) {
  if (size < format::kHeaderBytes ||
      std::memcmp(data, format::kMagic.data(), format::kMagic.size()) != 0) {
    return;
  }
  uint32_t slots = ReadU32(data + 8);
  uint32_t offset_bits = ReadU32(data + 16);
  bool power_of_two = slots != 0 && (slots & (slots - 1)) == 0;
  if (!power_of_two || format::kHeaderBytes + std::size_t{slots} * 4 > size) return;
  if (offset_bits == 0 || offset_bits > 32) return;
  data_ = data;
  size_ = size;
  slot_count_ = slots;
  offset_bits_ = offset_bits;
  entry_count_ = ReadU32(data + 12);
}

uint8_t Dictionary::Flags(std::string_view key) const {
  if (slot_count_ == 0 || key.empty() || key.size() > format::kMaxKeyBytes) return 0;
  const unsigned char* slots = data_ + format::kHeaderBytes;
  const unsigned char* blob = slots + std::size_t{slot_count_} * 4;
  std::size_t blob_size = size_ - (blob - data_);
  uint32_t mask = slot_count_ - 1;
  uint32_t hash = format::Hash(key);
  uint32_t slot = hash & mask;
  for (uint32_t probes = 0; probes < slot_count_; ++probes, slot = (slot + 1) & mask) {
    uint32_t stored = ReadU32(slots + std::size_t{slot} * 4);
    if (stored == 0) return 0;
    if (!format::TagMatches(stored, hash, offset_bits_)) continue;  // another key
    uint32_t offset_plus_one = stored & format::OffsetMask(offset_bits_);
    if (offset_plus_one == 0) return 0;
    std::size_t offset = offset_plus_one - 1;
    if (offset + 2 > blob_size) return 0;
    std::size_t length = blob[offset];
    if (offset + 2 + length > blob_size) return 0;
    if (length == key.size() && std::memcmp(blob + offset + 2, key.data(), length) == 0) {
      return blob[offset + 1];
    }
  }
  return 0;  // a full table without the key
}

}  // namespace archivar::dictionary
