// intake_qr_decode: one QR code, found and decoded by OpenCV's QRCodeDetector. A CCCD's QR is dense
// (version 8-10, ~200 bytes of UTF-8), printed about 20 mm wide: at 300 dpi each module is ~4 px, so
// the plain grey image usually decodes; scanner noise, JPEG and small prints need the other tries.
#include "intake_qr.h"
#include "internal.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Decoded {
  std::string text;
  std::vector<cv::Point2f> corners;
};

// The detector works best when a module is a few pixels wide; very large scans only slow it.
constexpr int kMaxSide = 2600;
constexpr int kUpscaleBelow = 1400;

bool try_decode(cv::QRCodeDetector& detector, const cv::Mat& grey, double scale, Decoded& out) {
  std::vector<cv::Point2f> points;
  std::string text = detector.detectAndDecode(grey, points);
  if (text.empty() || points.size() != 4) return false;
  out.text = std::move(text);
  out.corners.clear();
  for (const auto& p : points) out.corners.emplace_back(float(p.x / scale), float(p.y / scale));
  return true;
}

}  // namespace

extern "C" intake_status intake_qr_decode(const intake_image* image, int32_t* found, uint8_t** text, size_t* length,
                                          double corners[8], int32_t* attempt) {
  return intake::guard([&] {
    if (!image || image->mat.empty()) intake::fail(INTAKE_E_ARGUMENT, "no image");
    if (!found || !text || !length || !corners || !attempt) intake::fail(INTAKE_E_ARGUMENT, "bad argument");
    *found = 0;
    *text = nullptr;
    *length = 0;
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

    cv::QRCodeDetector detector;
    Decoded decoded;
    int which = 0;
    if (try_decode(detector, grey, scale, decoded)) {
      which = 1;
    }
    if (!which && std::max(grey.cols, grey.rows) < kUpscaleBelow) {
      cv::Mat big;
      cv::resize(grey, big, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
      if (try_decode(detector, big, scale * 2.0, decoded)) which = 2;
    }
    if (!which) {
      cv::Mat smooth, otsu;
      cv::GaussianBlur(grey, smooth, cv::Size(3, 3), 0);
      cv::threshold(smooth, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
      if (try_decode(detector, otsu, scale, decoded)) which = 3;
    }
    if (!which) {
      cv::Mat smooth, adaptive;
      cv::medianBlur(grey, smooth, 3);
      cv::adaptiveThreshold(smooth, adaptive, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 31, 10);
      if (try_decode(detector, adaptive, scale, decoded)) which = 4;
    }
    if (!which) return;

    auto* buffer = static_cast<uint8_t*>(std::malloc(decoded.text.size() + 1));
    if (!buffer) intake::fail(INTAKE_E_NO_MEMORY, "out of memory");
    std::memcpy(buffer, decoded.text.data(), decoded.text.size());
    buffer[decoded.text.size()] = 0;
    for (int i = 0; i < 4; ++i) {
      corners[2 * i] = decoded.corners[size_t(i)].x;
      corners[2 * i + 1] = decoded.corners[size_t(i)].y;
    }
    *text = buffer;
    *length = decoded.text.size();
    *attempt = which;
    *found = 1;
  });
}
