// intake_qr_decode: one QR code, decoded by zbar on images OpenCV prepares. A CCCD's QR is dense
// (version 6-10, ~150 bytes of UTF-8) and printed about 17 mm wide: at 300 dpi a module is ~3.5 px,
// so the plain grey image usually decodes; scanner noise, JPEG and small prints need the other tries.
#include "intake_qr.h"
#include "internal.hpp"

#include <opencv2/imgproc.hpp>
#include <zbar.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Decoded {
  std::string bytes;
  std::vector<cv::Point2d> corners;
  int orientation = -1;
};

constexpr int kMaxSide = 3000;
constexpr int kUpscaleBelow = 1600;

bool try_decode(const cv::Mat& grey, double scale, Decoded& out) {
  cv::Mat contiguous = grey.isContinuous() ? grey : grey.clone();
  std::unique_ptr<zbar::zbar_image_scanner_t, decltype(&zbar::zbar_image_scanner_destroy)> scanner(
      zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
  if (!scanner) intake::fail(INTAKE_E_NO_MEMORY, "zbar scanner");
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  // the payload's bytes as encoded: a CCCD writes UTF-8 without an ECI marker, which zbar would otherwise guess at
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
  std::unique_ptr<zbar::zbar_image_t, decltype(&zbar::zbar_image_destroy)> image(zbar::zbar_image_create(), zbar::zbar_image_destroy);
  if (!image) intake::fail(INTAKE_E_NO_MEMORY, "zbar image");
  zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image.get(), unsigned(contiguous.cols), unsigned(contiguous.rows));
  zbar::zbar_image_set_data(image.get(), contiguous.data, size_t(contiguous.total()), nullptr);
  if (zbar::zbar_scan_image(scanner.get(), image.get()) <= 0) return false;
  for (auto* symbol = zbar::zbar_image_first_symbol(image.get()); symbol; symbol = zbar::zbar_symbol_next(symbol)) {
    if (zbar::zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE) continue;
    const char* data = zbar::zbar_symbol_get_data(symbol);
    const unsigned length = zbar::zbar_symbol_get_data_length(symbol);
    if (!data || length == 0) continue;
    out.bytes.assign(data, length);
    out.corners.clear();
    const unsigned points = zbar::zbar_symbol_get_loc_size(symbol);
    for (unsigned i = 0; i < points && i < 4; ++i)
      out.corners.emplace_back(zbar::zbar_symbol_get_loc_x(symbol, i) / scale, zbar::zbar_symbol_get_loc_y(symbol, i) / scale);
    while (out.corners.size() < 4) out.corners.emplace_back(0.0, 0.0);
    switch (zbar::zbar_symbol_get_orientation(symbol)) {
      case zbar::ZBAR_ORIENT_UP: out.orientation = 0; break;
      case zbar::ZBAR_ORIENT_RIGHT: out.orientation = 90; break;
      case zbar::ZBAR_ORIENT_DOWN: out.orientation = 180; break;
      case zbar::ZBAR_ORIENT_LEFT: out.orientation = 270; break;
      default: out.orientation = -1; break;
    }
    return true;
  }
  return false;
}

}  // namespace

extern "C" intake_status intake_qr_decode(const intake_image* image, int32_t* found, uint8_t** text, size_t* length,
                                          double corners[8], int32_t* orientation, int32_t* attempt) {
  return intake::guard([&] {
    if (!image || image->mat.empty()) intake::fail(INTAKE_E_ARGUMENT, "no image");
    if (!found || !text || !length || !corners || !orientation || !attempt) intake::fail(INTAKE_E_ARGUMENT, "bad argument");
    *found = 0;
    *text = nullptr;
    *length = 0;
    *orientation = -1;
    *attempt = 0;

    cv::Mat grey;
    if (image->mat.channels() == 3) {
      cv::cvtColor(image->mat, grey, cv::COLOR_BGR2GRAY);
    } else {
      grey = image->mat;
    }
    double scale = 1.0;
    const int side = std::max(grey.cols, grey.rows);
    if (side > kMaxSide) {
      scale = double(kMaxSide) / side;
      cv::resize(grey, grey, cv::Size(), scale, scale, cv::INTER_AREA);
    }

    // A white margin first: a card's QR keeps a quiet zone of about one module, and a card cut out of a
    // scan ends right there, so zbar's finder saw no light border around the code and found nothing.
    const int pad = std::max(16, std::max(grey.cols, grey.rows) / 16);
    cv::copyMakeBorder(grey, grey, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(255));

    Decoded decoded;
    int which = 0;
    if (try_decode(grey, scale, decoded)) which = 1;
    if (!which && std::max(grey.cols, grey.rows) < kUpscaleBelow) {
      cv::Mat big;
      cv::resize(grey, big, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
      if (try_decode(big, scale * 2.0, decoded)) which = 2;
    }
    if (!which) {
      cv::Mat smooth, otsu;
      cv::GaussianBlur(grey, smooth, cv::Size(3, 3), 0);
      cv::threshold(smooth, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
      if (try_decode(otsu, scale, decoded)) which = 3;
    }
    if (!which) {
      cv::Mat smooth, adaptive;
      cv::medianBlur(grey, smooth, 3);
      cv::adaptiveThreshold(smooth, adaptive, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 31, 10);
      if (try_decode(adaptive, scale, decoded)) which = 4;
    }
    if (!which) return;

    auto* buffer = static_cast<uint8_t*>(std::malloc(decoded.bytes.size() + 1));
    if (!buffer) intake::fail(INTAKE_E_NO_MEMORY, "out of memory");
    std::memcpy(buffer, decoded.bytes.data(), decoded.bytes.size());
    buffer[decoded.bytes.size()] = 0;
    for (size_t i = 0; i < 4; ++i) {
      corners[2 * i] = decoded.corners[i].x - pad / scale;
      corners[2 * i + 1] = decoded.corners[i].y - pad / scale;
    }
    *text = buffer;
    *length = decoded.bytes.size();
    *orientation = decoded.orientation;
    *attempt = which;
    *found = 1;
  });
}
