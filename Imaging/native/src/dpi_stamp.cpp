// OpenCV's PNG and JPEG encoders write no resolution; archive rules ask that every page carry its
// dpi, so it is added to the encoded bytes here: a pHYs chunk after IHDR, or JFIF density fields.
#include "internal.hpp"

#include <array>
#include <cmath>
#include <cstring>

namespace {

uint32_t crc32(const uint8_t* data, size_t n) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put_be32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v >> 24); p[1] = uint8_t(v >> 16); p[2] = uint8_t(v >> 8); p[3] = uint8_t(v);
}

void stamp_png(std::vector<uint8_t>& png, double dpi_x, double dpi_y) {
  const size_t after_ihdr = 8 + 12 + 13;
  if (png.size() < after_ihdr) return;
  uint8_t chunk[21];
  put_be32(chunk, 9);
  std::memcpy(chunk + 4, "pHYs", 4);
  put_be32(chunk + 8, uint32_t(std::lround(dpi_x / 0.0254)));
  put_be32(chunk + 12, uint32_t(std::lround(dpi_y / 0.0254)));
  chunk[16] = 1;  // unit: metre
  put_be32(chunk + 17, crc32(chunk + 4, 13));
  png.insert(png.begin() + after_ihdr, chunk, chunk + sizeof chunk);
}

void stamp_jpeg(std::vector<uint8_t>& jpg, double dpi_x, double dpi_y) {
  // libjpeg writes APP0 JFIF right after SOI: FFD8 FFE0 len "JFIF\0" ver(2) units(1) Xdensity(2) Ydensity(2)
  if (jpg.size() < 20 || jpg[2] != 0xFF || jpg[3] != 0xE0 || std::memcmp(&jpg[6], "JFIF\0", 5) != 0) return;
  const auto x = uint16_t(std::min(65535L, std::lround(dpi_x)));
  const auto y = uint16_t(std::min(65535L, std::lround(dpi_y)));
  jpg[13] = 1;  // dots per inch
  jpg[14] = uint8_t(x >> 8); jpg[15] = uint8_t(x);
  jpg[16] = uint8_t(y >> 8); jpg[17] = uint8_t(y);
}

}  // namespace

namespace intake {

void stamp_dpi(std::vector<uint8_t>& encoded, const std::string& extension, double dpi_x, double dpi_y) {
  if (dpi_x <= 0 || dpi_y <= 0) return;
  if (extension == ".png") stamp_png(encoded, dpi_x, dpi_y);
  else if (extension == ".jpg" || extension == ".jpeg") stamp_jpeg(encoded, dpi_x, dpi_y);
}

}  // namespace intake
