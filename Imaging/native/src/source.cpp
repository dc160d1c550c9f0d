// intake_source_*: an encoded file held in memory, checked once when opened, decoded page by page.
#include "internal.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace {

constexpr uint64_t kMaxFileBytes = uint64_t(2) << 30;  // 2 GiB of encoded data is no page

// True when every pixel has B == G == R; stops at the first coloured pixel, so a photo costs little.
bool all_channels_equal(const cv::Mat& bgr) {
  for (int y = 0; y < bgr.rows; ++y) {
    const uint8_t* p = bgr.ptr<uint8_t>(y);
    for (int x = 0; x < bgr.cols; ++x, p += 3)
      if (p[0] != p[1] || p[1] != p[2]) return false;
  }
  return true;
}

// Whatever OpenCV decoded becomes 8-bit grey or 8-bit BGR; transparency is composited on white paper.
cv::Mat normalise(cv::Mat m) {
  if (m.depth() == CV_16U) m.convertTo(m, CV_8U, 1.0 / 257.0);
  else if (m.depth() != CV_8U) m.convertTo(m, CV_8U);
  if (m.channels() == 4) {
    std::vector<cv::Mat> bgra;
    cv::split(m, bgra);
    cv::Mat alpha, inverse;
    bgra[3].convertTo(alpha, CV_32F, 1.0 / 255.0);
    inverse = 1.0 - alpha;
    std::vector<cv::Mat> bgr(3);
    for (int c = 0; c < 3; ++c) {
      cv::Mat channel;
      bgra[c].convertTo(channel, CV_32F);
      channel = channel.mul(alpha) + inverse * 255.0;
      channel.convertTo(bgr[c], CV_8U);
    }
    cv::merge(bgr, m);
  } else if (m.channels() == 2) {  // grey + alpha
    std::vector<cv::Mat> ga;
    cv::split(m, ga);
    cv::Mat grey, alpha;
    ga[0].convertTo(grey, CV_32F);
    ga[1].convertTo(alpha, CV_32F, 1.0 / 255.0);
    grey = grey.mul(alpha) + (1.0 - alpha) * 255.0;
    grey.convertTo(m, CV_8U);
  }
  return m;
}

// The IHDR chunk always comes first: bit depth at offset 24, colour type at 25 (0 grey, 2 RGB, 3 palette,
// 4 grey+alpha, 6 RGBA; PNG 1.2, section 4.1.1).
int png_colour_type(const intake_source& source) {
  return source.format == INTAKE_FORMAT_PNG && source.bytes.size() > 25 ? source.bytes[25] : -1;
}

bool is_palette_png(const intake_source& source) { return png_colour_type(source) == 3; }

bool is_grey_png(const intake_source& source) {
  const int type = png_colour_type(source);
  return type == 0 || type == 4;
}

uint16_t be16(const uint8_t* p) { return uint16_t((p[0] << 8) | p[1]); }

// A grey or RGB PNG can make one colour transparent with a tRNS chunk (PNG 1.2, section 4.2.1.1). OpenCV drops
// that transparency (its decoder keeps alpha only for palette, grey+alpha and RGBA files), so the pixels of that
// exact colour are laid on white here. `mat` is as decoded with IMREAD_UNCHANGED: grey or BGR, 8 or 16 bits,
// with grey depths below 8 scaled up to 8 bits.
void whiten_colour_key(const intake_source& source, cv::Mat& mat) {
  const int type = png_colour_type(source);
  if (type != 0 && type != 2) return;
  const auto& d = source.bytes;
  const int depth = d[24];
  size_t pos = 8;
  while (pos + 12 <= d.size()) {
    const uint32_t len = (uint32_t(d[pos]) << 24) | (uint32_t(d[pos + 1]) << 16) | (uint32_t(d[pos + 2]) << 8) | d[pos + 3];
    const uint8_t* chunk = d.data() + pos + 4;
    if (len > d.size() - pos - 12) return;
    if (std::memcmp(chunk, "IDAT", 4) == 0 || std::memcmp(chunk, "IEND", 4) == 0) return;  // tRNS precedes IDAT
    if (std::memcmp(chunk, "tRNS", 4) == 0) {
      const uint8_t* body = chunk + 4;
      // grey depths below 8 arrive scaled to 0..255 (libpng's expand_gray_1_2_4_to_8)
      const auto sample = [&](const uint8_t* p) { return depth < 8 ? double(be16(p)) * 255.0 / ((1 << depth) - 1) : double(be16(p)); };
      cv::Mat mask;
      if (type == 0 && len >= 2 && mat.channels() == 1) cv::inRange(mat, cv::Scalar(sample(body)), cv::Scalar(sample(body)), mask);
      else if (type == 2 && len >= 6 && mat.channels() == 3) {
        const cv::Scalar bgr(sample(body + 4), sample(body + 2), sample(body));
        cv::inRange(mat, bgr, bgr, mask);
      } else return;
      mat.setTo(cv::Scalar::all(mat.depth() == CV_16U ? 65535 : 255), mask);
      return;
    }
    pos += 12 + len;
  }
}

intake_source* open(std::vector<uint8_t> bytes) {
  if (bytes.empty()) intake::fail(INTAKE_E_IO, "the file is empty");
  auto format = intake::sniff_format(bytes.data(), bytes.size());
  auto pages = intake::probe_pages(bytes.data(), bytes.size(), format);
  auto* source = new intake_source();
  source->bytes = std::move(bytes);
  source->format = format;
  source->pages = std::move(pages);
  return source;
}

}  // namespace

extern "C" intake_status intake_source_open_file(const char* path, intake_source** out) {
  return intake::guard([&] {
    if (!path || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) intake::fail(INTAKE_E_IO, std::string("cannot open the file: ") + std::strerror(errno));
    const auto size = file.tellg();
    if (size < 0) intake::fail(INTAKE_E_IO, "cannot read the file (is it a folder?)");
    if (uint64_t(size) > kMaxFileBytes) intake::fail(INTAKE_E_TOO_LARGE, "the file is larger than 2 GiB");
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    file.seekg(0);
    if (!bytes.empty() && !file.read(reinterpret_cast<char*>(bytes.data()), size))
      intake::fail(INTAKE_E_IO, "cannot read the file (is it a folder?)");
    *out = open(std::move(bytes));
  });
}

extern "C" intake_status intake_source_open_bytes(const uint8_t* data, size_t length, intake_source** out) {
  return intake::guard([&] {
    if ((!data && length) || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (length > kMaxFileBytes) intake::fail(INTAKE_E_TOO_LARGE, "the data is larger than 2 GiB");
    *out = open(std::vector<uint8_t>(data, data + length));
  });
}

extern "C" intake_status intake_source_page_info(const intake_source* source, int32_t page, intake_page_info* out) {
  return intake::guard([&] {
    if (!source || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (page < 0 || size_t(page) >= source->pages.size()) intake::fail(INTAKE_E_ARGUMENT, "page out of range");
    *out = source->pages[size_t(page)];
  });
}

extern "C" intake_status intake_source_decode(const intake_source* source, int32_t page, int64_t max_pixels, intake_image** out) {
  return intake::guard([&] {
    if (!source || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (page < 0 || size_t(page) >= source->pages.size()) intake::fail(INTAKE_E_ARGUMENT, "page out of range");
    const auto& info = source->pages[size_t(page)];
    const int64_t pixels = int64_t(info.width) * info.height;
    if (max_pixels > 0 && pixels > max_pixels)
      intake::fail(INTAKE_E_TOO_LARGE, "the image declares " + std::to_string(info.width) + "x" + std::to_string(info.height) + " = " +
                                           std::to_string(pixels / 1000000) + " megapixels, over the limit of " +
                                           std::to_string(max_pixels / 1000000));
    cv::Mat mat;
    if (source->format == INTAKE_FORMAT_TIFF) {
      mat = intake::tiff_decode(source->bytes.data(), source->bytes.size(), page);
    } else {
      const cv::Mat encoded(1, int(source->bytes.size()), CV_8U, const_cast<uint8_t*>(source->bytes.data()));
      // PNG and WebP may carry transparency, which only IMREAD_UNCHANGED keeps (any other flag drops the alpha
      // channel and leaves the colour under it, black in most files); JPEG keeps the flags that apply its EXIF
      // orientation.
      const bool may_be_transparent = source->format == INTAKE_FORMAT_PNG || source->format == INTAKE_FORMAT_WEBP;
      mat = cv::imdecode(encoded, may_be_transparent ? cv::IMREAD_UNCHANGED : cv::IMREAD_ANYCOLOR | cv::IMREAD_ANYDEPTH);
      if (mat.empty()) intake::fail(INTAKE_E_CORRUPT, "the image data is damaged and cannot be decoded");
      whiten_colour_key(*source, mat);
      mat = normalise(mat);
      // A grey+alpha file comes out of OpenCV as BGRA: once laid on white it is grey again.
      if (is_grey_png(*source) && mat.channels() == 3) cv::cvtColor(mat, mat, cv::COLOR_BGR2GRAY);
      // OpenCV expands every palette PNG to three channels, so a black-and-white or grey scan saved
      // with a palette would reach Tesseract as colour: about a fifth more recognition time (it
      // thresholds each channel) and triple the memory. A palette page with no colour in it stays grey.
      // True-colour files are left as they are: a colour scan stays colour for the archive.
      if (is_palette_png(*source) && mat.channels() == 3 && all_channels_equal(mat)) cv::extractChannel(mat, mat, 0);
    }
    *out = intake::new_image(std::move(mat), info.dpi_x, info.dpi_y);
  });
}

extern "C" void intake_source_free(intake_source* source) { delete source; }
