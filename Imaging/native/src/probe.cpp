// Header readers: format, declared size and dpi of an encoded image, and container-level truncation
// checks, all from the bytes alone. They run before any pixel buffer is allocated, so a hostile header
// (30000x30000) is refused cheaply and a truncated file is reported as such instead of half-decoded.
#include "internal.hpp"

#include <cstring>

namespace {

uint32_t be32(const uint8_t* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
uint16_t be16(const uint8_t* p) { return uint16_t((p[0] << 8) | p[1]); }
uint32_t le32(const uint8_t* p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24); }
uint16_t le16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }

constexpr double kMetresPerInch = 0.0254;

intake_page_info page(intake_format format, int64_t width, int64_t height, double dpi_x, double dpi_y) {
  if (width <= 0 || height <= 0 || width > INT32_MAX || height > INT32_MAX)
    intake::fail(INTAKE_E_CORRUPT, "the header declares an invalid size");
  return intake_page_info{format, int32_t(width), int32_t(height), 1, dpi_x, dpi_y};
}

intake_page_info probe_png(const uint8_t* d, size_t n) {
  size_t pos = 8;
  int64_t width = 0, height = 0;
  double dpi_x = 0, dpi_y = 0;
  bool header = false, data = false;
  while (true) {
    if (pos + 12 > n) intake::fail(INTAKE_E_CORRUPT, "PNG is truncated (no IEND chunk)");
    const uint32_t len = be32(d + pos);
    const uint8_t* type = d + pos + 4;
    if (len > n || pos + 12 + len > n) intake::fail(INTAKE_E_CORRUPT, "PNG is truncated inside a chunk");
    const uint8_t* body = d + pos + 8;
    if (!header) {
      if (std::memcmp(type, "IHDR", 4) != 0 || len < 13) intake::fail(INTAKE_E_CORRUPT, "PNG does not start with IHDR");
      width = be32(body);
      height = be32(body + 4);
      header = true;
    } else if (std::memcmp(type, "pHYs", 4) == 0 && len >= 9 && body[8] == 1) {
      dpi_x = be32(body) * kMetresPerInch;
      dpi_y = be32(body + 4) * kMetresPerInch;
    } else if (std::memcmp(type, "IDAT", 4) == 0) {
      data = true;
    } else if (std::memcmp(type, "IEND", 4) == 0) {
      break;
    }
    pos += 12 + len;
  }
  if (!data) intake::fail(INTAKE_E_CORRUPT, "PNG has no image data");
  return page(INTAKE_FORMAT_PNG, width, height, dpi_x, dpi_y);
}

bool is_sof(uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

intake_page_info probe_jpeg(const uint8_t* d, size_t n) {
  size_t pos = 2;
  int64_t width = 0, height = 0;
  double dpi_x = 0, dpi_y = 0;
  while (true) {
    while (pos < n && d[pos] == 0xFF && pos + 1 < n && d[pos + 1] == 0xFF) pos++;  // fill bytes
    if (pos + 4 > n || d[pos] != 0xFF) intake::fail(INTAKE_E_CORRUPT, "JPEG is truncated or damaged in its headers");
    const uint8_t marker = d[pos + 1];
    if (marker == 0xD9) intake::fail(INTAKE_E_CORRUPT, "JPEG ends before its image data");
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { pos += 2; continue; }
    const size_t len = be16(d + pos + 2);
    if (len < 2 || pos + 2 + len > n) intake::fail(INTAKE_E_CORRUPT, "JPEG is truncated inside a header segment");
    const uint8_t* body = d + pos + 4;
    if (marker == 0xE0 && len >= 16 && std::memcmp(body, "JFIF\0", 5) == 0) {
      const uint8_t units = body[7];
      const double scale = units == 1 ? 1.0 : units == 2 ? 2.54 : 0.0;
      dpi_x = be16(body + 8) * scale;
      dpi_y = be16(body + 10) * scale;
    } else if (is_sof(marker) && len >= 8) {
      height = be16(body + 1);
      width = be16(body + 3);
    } else if (marker == 0xDA) {
      // Entropy-coded data follows. Inside it 0xFF is always stuffed (FF00) or a restart marker, so
      // an end-of-image marker after the scan header is the only sign the file is complete. An EXIF
      // thumbnail's own EOI comes before the main scan and does not count.
      bool complete = false;
      for (size_t i = n - 1; i > pos + 1; --i) {
        if (d[i] == 0xD9 && d[i - 1] == 0xFF) { complete = true; break; }
      }
      if (!complete) intake::fail(INTAKE_E_CORRUPT, "JPEG is truncated (no end-of-image marker after the image data)");
      break;
    }
    pos += 2 + len;
  }
  return page(INTAKE_FORMAT_JPEG, width, height, dpi_x, dpi_y);
}

intake_page_info probe_bmp(const uint8_t* d, size_t n) {
  if (n < 26) intake::fail(INTAKE_E_CORRUPT, "BMP is truncated in its header");
  const uint32_t offset = le32(d + 10);
  const uint32_t dib = le32(d + 14);
  int64_t width, height;
  int bits;
  uint32_t compression = 0;
  double dpi_x = 0, dpi_y = 0;
  if (dib == 12) {
    width = le16(d + 18);
    height = le16(d + 20);
    bits = le16(d + 24);
  } else {
    if (dib < 40 || n < 14 + 40) intake::fail(INTAKE_E_CORRUPT, "BMP is truncated in its header");
    width = int32_t(le32(d + 18));
    height = int32_t(le32(d + 22));
    if (height < 0) height = -height;  // top-down rows
    bits = le16(d + 28);
    compression = le32(d + 30);
    dpi_x = int32_t(le32(d + 38)) * kMetresPerInch;
    dpi_y = int32_t(le32(d + 42)) * kMetresPerInch;
  }
  if (width > 0 && height > 0 && (compression == 0 || compression == 3) && bits > 0) {
    const uint64_t row = ((uint64_t(width) * bits + 31) / 32) * 4;
    if (uint64_t(offset) + row * uint64_t(height) > n) intake::fail(INTAKE_E_CORRUPT, "BMP is truncated (pixel rows missing)");
  }
  return page(INTAKE_FORMAT_BMP, width, height, dpi_x, dpi_y);
}

intake_page_info probe_webp(const uint8_t* d, size_t n) {
  if (n < 30) intake::fail(INTAKE_E_CORRUPT, "WebP is truncated in its header");
  if (uint64_t(le32(d + 4)) + 8 > n) intake::fail(INTAKE_E_CORRUPT, "WebP is truncated (shorter than its RIFF size)");
  const uint8_t* chunk = d + 12;
  int64_t width = 0, height = 0;
  if (std::memcmp(chunk, "VP8X", 4) == 0) {
    width = 1 + (int64_t(d[24]) | (int64_t(d[25]) << 8) | (int64_t(d[26]) << 16));
    height = 1 + (int64_t(d[27]) | (int64_t(d[28]) << 8) | (int64_t(d[29]) << 16));
  } else if (std::memcmp(chunk, "VP8L", 4) == 0) {
    if (d[20] != 0x2F) intake::fail(INTAKE_E_CORRUPT, "WebP lossless signature missing");
    const uint32_t bits = le32(d + 21);
    width = 1 + (bits & 0x3FFF);
    height = 1 + ((bits >> 14) & 0x3FFF);
  } else if (std::memcmp(chunk, "VP8 ", 4) == 0) {
    if (d[23] != 0x9D || d[24] != 0x01 || d[25] != 0x2A) intake::fail(INTAKE_E_CORRUPT, "WebP lossy start code missing");
    width = le16(d + 26) & 0x3FFF;
    height = le16(d + 28) & 0x3FFF;
  } else {
    intake::fail(INTAKE_E_CORRUPT, "WebP has an unknown first chunk");
  }
  return page(INTAKE_FORMAT_WEBP, width, height, 0, 0);
}

}  // namespace

namespace intake {

intake_format sniff_format(const uint8_t* d, size_t n) {
  if (n >= 8 && std::memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) return INTAKE_FORMAT_PNG;
  if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return INTAKE_FORMAT_JPEG;
  if (n >= 4 && (std::memcmp(d, "II*\0", 4) == 0 || std::memcmp(d, "MM\0*", 4) == 0 ||
                 std::memcmp(d, "II+\0", 4) == 0 || std::memcmp(d, "MM\0+", 4) == 0))
    return INTAKE_FORMAT_TIFF;
  if (n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0) return INTAKE_FORMAT_WEBP;
  if (n >= 2 && d[0] == 'B' && d[1] == 'M') return INTAKE_FORMAT_BMP;
  return INTAKE_FORMAT_UNKNOWN;
}

std::vector<intake_page_info> probe_pages(const uint8_t* d, size_t n, intake_format format) {
  switch (format) {
    case INTAKE_FORMAT_PNG: return {probe_png(d, n)};
    case INTAKE_FORMAT_JPEG: return {probe_jpeg(d, n)};
    case INTAKE_FORMAT_BMP: return {probe_bmp(d, n)};
    case INTAKE_FORMAT_WEBP: return {probe_webp(d, n)};
    case INTAKE_FORMAT_TIFF: return tiff_probe(d, n);
    default: fail(INTAKE_E_FORMAT, "not an image in a supported format (PNG, JPEG, TIFF, WebP, BMP)");
  }
}

}  // namespace intake
