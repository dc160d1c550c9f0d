// TIFF through libtiff directly (OpenCV 4.6 cannot decode one page of a multi-page TIFF held in
// memory): a read-only in-memory client, page count, per-page size and resolution, and decoding of any
// photometric/compression libtiff knows (1-bit CCITT G4 included) via its RGBA reader.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>
#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

thread_local std::string tiff_message;

void capture_error(const char* module, const char* fmt, va_list args) {
  char buffer[512];
  std::vsnprintf(buffer, sizeof buffer, fmt, args);
  tiff_message = std::string(module ? module : "libtiff") + ": " + buffer;
}

void ignore_warning(const char*, const char*, va_list) {}

struct MemoryFile {
  const uint8_t* data;
  toff_t size;
  toff_t pos;
};

tsize_t mem_read(thandle_t h, tdata_t buf, tsize_t size) {
  auto* f = static_cast<MemoryFile*>(h);
  if (f->pos >= f->size) return 0;
  const toff_t n = std::min<toff_t>(toff_t(size), f->size - f->pos);
  std::memcpy(buf, f->data + f->pos, n);
  f->pos += n;
  return tsize_t(n);
}
tsize_t mem_write(thandle_t, tdata_t, tsize_t) { return 0; }
toff_t mem_seek(thandle_t h, toff_t off, int whence) {
  auto* f = static_cast<MemoryFile*>(h);
  toff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos : f->size;
  f->pos = base + off;
  return f->pos;
}
int mem_close(thandle_t) { return 0; }
toff_t mem_size(thandle_t h) { return static_cast<MemoryFile*>(h)->size; }
int mem_map(thandle_t h, tdata_t* base, toff_t* size) {
  auto* f = static_cast<MemoryFile*>(h);
  *base = const_cast<uint8_t*>(f->data);
  *size = f->size;
  return 1;
}
void mem_unmap(thandle_t, tdata_t, toff_t) {}

struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};

class OpenTiff {
 public:
  OpenTiff(const uint8_t* data, size_t length) : file_{data, toff_t(length), 0} {
    static const bool handlers_installed = [] {
      TIFFSetErrorHandler(capture_error);
      TIFFSetWarningHandler(ignore_warning);
      return true;
    }();
    (void)handlers_installed;
    tiff_message.clear();
    tif_.reset(TIFFClientOpen("memory", "rm", &file_, mem_read, mem_write, mem_seek, mem_close, mem_size, mem_map, mem_unmap));
    if (!tif_) intake::fail(INTAKE_E_CORRUPT, "TIFF cannot be opened: " + tiff_message);
  }
  TIFF* get() const { return tif_.get(); }

 private:
  MemoryFile file_;
  std::unique_ptr<TIFF, TiffCloser> tif_;
};

constexpr int kMaxPages = 10000;  // a hostile IFD chain must not make us loop for ever

// An IFD whose NewSubfileType (TIFF 6.0, tag 254) has bit 0 (reduced-resolution version of another image, e.g. a
// scanner's preview or thumbnail) or bit 2 (transparency mask) set is not a page of the document.
bool is_page(TIFF* tif) {
  uint32_t subfile = 0;
  TIFFGetField(tif, TIFFTAG_SUBFILETYPE, &subfile);
  return (subfile & (FILETYPE_REDUCEDIMAGE | FILETYPE_MASK)) == 0;
}

// The IFD numbers of the file's pages in file order, starting from the open (first) directory. A file made only of
// reduced images (no full-resolution one) keeps them all: something is better than refusing it.
std::vector<tdir_t> page_directories(TIFF* tif) {
  std::vector<tdir_t> pages, all;
  tdir_t index = 0;
  do {
    all.push_back(index);
    if (is_page(tif)) pages.push_back(index);
    ++index;
  } while (all.size() < size_t(kMaxPages) && TIFFReadDirectory(tif));
  return pages.empty() ? all : pages;
}

// libtiff's RGBA reader returns colour premultiplied by alpha (it converts unassociated alpha too), so laying the
// page on white paper is colour + (255 - alpha) per channel. Opaque pixels (alpha 255) are unchanged.
void composite_on_white(cv::Mat& rgba) {
  cv::Mat alpha, paper;
  cv::extractChannel(rgba, alpha, 3);
  cv::subtract(cv::Scalar::all(255), alpha, paper);
  cv::Mat paper4;
  cv::merge(std::vector<cv::Mat>{paper, paper, paper, cv::Mat::zeros(paper.size(), CV_8U)}, paper4);
  cv::add(rgba, paper4, rgba);  // saturating
}

}  // namespace

namespace intake {

std::vector<intake_page_info> tiff_probe(const uint8_t* data, size_t length) {
  OpenTiff tiff(data, length);
  const auto directories = page_directories(tiff.get());
  std::vector<intake_page_info> pages;
  for (const auto directory : directories) {
    if (!TIFFSetDirectory(tiff.get(), directory)) fail(INTAKE_E_CORRUPT, "TIFF page cannot be read: " + tiff_message);
    uint32_t width = 0, height = 0;
    float xres = 0, yres = 0;
    uint16_t unit = RESUNIT_INCH;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &height);
    TIFFGetField(tiff.get(), TIFFTAG_XRESOLUTION, &xres);
    TIFFGetField(tiff.get(), TIFFTAG_YRESOLUTION, &yres);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_RESOLUTIONUNIT, &unit);
    const double scale = unit == RESUNIT_INCH ? 1.0 : unit == RESUNIT_CENTIMETER ? 2.54 : 0.0;
    if (width == 0 || height == 0) fail(INTAKE_E_CORRUPT, "TIFF page " + std::to_string(pages.size() + 1) + " declares no size");
    pages.push_back(intake_page_info{INTAKE_FORMAT_TIFF, int32_t(std::min<uint32_t>(width, INT32_MAX)),
                                     int32_t(std::min<uint32_t>(height, INT32_MAX)), 0, xres * scale, yres * scale});
  }
  for (auto& p : pages) p.page_count = int32_t(pages.size());
  return pages;
}

cv::Mat tiff_decode(const uint8_t* data, size_t length, int page) {
  OpenTiff tiff(data, length);
  const auto directories = page_directories(tiff.get());
  if (page < 0 || size_t(page) >= directories.size()) fail(INTAKE_E_ARGUMENT, "TIFF page out of range");
  if (!TIFFSetDirectory(tiff.get(), directories[size_t(page)])) fail(INTAKE_E_CORRUPT, "TIFF page cannot be read: " + tiff_message);
  uint32_t width = 0, height = 0;
  uint16_t samples = 1, photometric = PHOTOMETRIC_MINISBLACK, extra_count = 0;
  uint16_t* extra_types = nullptr;
  TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &height);
  TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
  TIFFGetField(tiff.get(), TIFFTAG_PHOTOMETRIC, &photometric);
  TIFFGetField(tiff.get(), TIFFTAG_EXTRASAMPLES, &extra_count, &extra_types);
  const bool grey = samples - extra_count == 1 && (photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE);

  // libtiff's RGBA reader packs each pixel as R,G,B,A bytes in memory order.
  cv::Mat rgba(int(height), int(width), CV_8UC4);
  if (!TIFFReadRGBAImageOriented(tiff.get(), width, height, reinterpret_cast<uint32_t*>(rgba.data), ORIENTATION_TOPLEFT, 1))
    fail(INTAKE_E_CORRUPT, "TIFF page is damaged or truncated: " + tiff_message);
  if (extra_count > 0) composite_on_white(rgba);
  cv::Mat out;
  if (grey)
    cv::extractChannel(rgba, out, 0);
  else
    cv::cvtColor(rgba, out, cv::COLOR_RGBA2BGR);
  return out;
}

}  // namespace intake
