#include "dictionary/dictionary_format.h"

#include "util/little_endian.h"

namespace archivar::dictionary::format {
namespace {

// The fewest bits that hold every slot's 1 + entry offset.
uint32_t OffsetBitsFor(std::size_t blob_bytes) {
  uint32_t bits = 1;
  while (bits < 32 && (std::size_t{1} << bits) <= blob_bytes) ++bits;
  return bits;
}

}  // namespace

uint32_t SlotCountFor(std::size_t entries) {
  uint32_t slot_count = 1;
  while (slot_count * 3 < entries * 4 || slot_count <= entries) slot_count <<= 1;
  return slot_count;
}

std::string Compile(const std::vector<Entry>& entries, uint32_t slot_count) {
  std::string blob;
  std::vector<uint32_t> offsets;  // of each entry in the blob
  for (const auto& [key, flags] : entries) {
    offsets.push_back(static_cast<uint32_t>(blob.size()));
    blob += static_cast<char>(key.size());
    blob += static_cast<char>(flags);
    blob += key;
  }
  const uint32_t offset_bits = OffsetBitsFor(blob.size());
  std::vector<uint32_t> slots(slot_count, 0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    uint32_t hash = Hash(entries[i].first);
    uint32_t slot = hash & (slot_count - 1);
    while (slots[slot] != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = (hash & ~OffsetMask(offset_bits)) | (offsets[i] + 1);
  }
  std::string out(kMagic);
  AppendU32(out, slot_count);
  AppendU32(out, static_cast<uint32_t>(entries.size()));
  AppendU32(out, offset_bits);
  for (uint32_t slot : slots) AppendU32(out, slot);
  return out + blob;
}

}  // namespace archivar::dictionary::format
