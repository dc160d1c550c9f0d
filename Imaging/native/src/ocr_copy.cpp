// intake_clean_for_ocr: the binary page handed to Tesseract. Tesseract's own global Otsu fails on
// shadows, stamps and yellowed paper; flattening the background first and thresholding locally
// (Sauvola) keeps faint strokes while paper stays white. The citizen's archived image is never this.
//
// Every full-size pass stays 8-bit (or 16-bit for squares): the Sauvola threshold is smooth (a mean
// over a window of several text lines), so it is computed on a half-size image and scaled back,
// which makes an A4 page at 300 dpi a matter of tens of milliseconds instead of a second of float work.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kSauvolaK = 0.2, kSauvolaRange = 128.0;
// The window shrinks with the image; below about 9 pixels it would no longer average several lines.
constexpr int kMinShrunkWindow = 9, kMaxShrink = 4;

// Sauvola's threshold, mean * (1 + k * (stddev / R - 1)), over a window x window neighbourhood of
// `flat`, evaluated on an image shrunk by a whole factor (4 at 300 dpi, where the window is 37
// pixels) and returned full size as 8-bit. Ink is where flat <= threshold.
cv::Mat sauvola_threshold(const cv::Mat& flat, int window) {
  // Tiny images (a cropped word) are not worth shrinking, and must not shrink to nothing.
  const bool tiny = std::min(flat.cols, flat.rows) < 4 * kMaxShrink;
  const int shrink = tiny ? 1 : std::clamp(window / kMinShrunkWindow, 1, kMaxShrink);
  // Squares are averaged at full resolution (16-bit holds 255^2) so the shrunk variance still sees
  // the contrast of thin strokes that a shrunk grey image would have blurred away.
  cv::Mat squares;
  cv::multiply(flat, flat, squares, 1.0, CV_16U);
  // An exact factor (not a target size) keeps OpenCV on its fast block-averaging path.
  cv::Mat mean, sq_mean;
  cv::resize(flat, mean, cv::Size(), 1.0 / shrink, 1.0 / shrink, cv::INTER_AREA);
  cv::resize(squares, sq_mean, cv::Size(), 1.0 / shrink, 1.0 / shrink, cv::INTER_AREA);
  mean.convertTo(mean, CV_32F);
  sq_mean.convertTo(sq_mean, CV_32F);

  const int side = intake::cleanup::odd(double(window) / shrink);
  const cv::Size box(side, side);
  cv::boxFilter(mean, mean, CV_32F, box, cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
  cv::boxFilter(sq_mean, sq_mean, CV_32F, box, cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
  cv::Mat variance = sq_mean - mean.mul(mean);
  cv::max(variance, 0.0, variance);
  cv::Mat deviation;
  cv::sqrt(variance, deviation);
  cv::Mat threshold = mean.mul(1.0 + kSauvolaK * (deviation / kSauvolaRange - 1.0));

  // flat > t is flat > floor(t) for whole grey levels, so 8 bits carry the threshold; the full-size
  // passes (scale up, compare) then stay 8-bit.
  threshold -= 0.5;
  cv::Mat small8, full8;
  threshold.convertTo(small8, CV_8U);
  cv::resize(small8, full8, flat.size(), 0, 0, cv::INTER_LINEAR);
  return full8;
}

}  // namespace

extern "C" intake_status intake_clean_for_ocr(const intake_image* image, intake_image** out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat flat = intake::cleanup::flatten_background(intake::cleanup::grey_of(img.mat));
    // A 3x3 median removes scanner dust and JPEG ringing without eating 1-pixel strokes' continuity.
    cv::medianBlur(flat, flat, 3);

    // Window about 1/8 inch (a few text lines).
    const double dpi = img.dpi_x > 0 ? img.dpi_x : std::min(flat.cols, flat.rows) / 8.27;  // A4 width when unknown
    const int window = intake::cleanup::odd(std::max(15.0, dpi / 8.0));
    cv::Mat binary;
    cv::compare(flat, sauvola_threshold(flat, window), binary, cv::CMP_GT);  // 255 = paper, 0 = ink
    *out = intake::new_image(binary, img.dpi_x, img.dpi_y);
  });
}
