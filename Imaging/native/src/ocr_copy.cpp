// intake_clean_for_ocr: the binary page handed to Tesseract. Tesseract's own global Otsu fails on
// shadows, stamps and yellowed paper; flattening the background first and thresholding locally
// (Sauvola) keeps faint strokes while paper stays white. The citizen's archived image is never this.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

extern "C" intake_status intake_clean_for_ocr(const intake_image* image, intake_image** out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat flat = intake::cleanup::flatten_background(intake::cleanup::grey_of(img.mat));
    // A 3x3 median removes scanner dust and JPEG ringing without eating 1-pixel strokes' continuity.
    cv::medianBlur(flat, flat, 3);

    // Sauvola: threshold = mean * (1 + k * (stddev / R - 1)), window about 1/8 inch (a few text lines).
    const double dpi = img.dpi_x > 0 ? img.dpi_x : std::min(flat.cols, flat.rows) / 8.27;  // A4 width when unknown
    const int window = intake::cleanup::odd(std::max(15.0, dpi / 8.0));
    constexpr double k = 0.2, range = 128.0;
    cv::Mat f, mean, sq_mean;
    flat.convertTo(f, CV_32F);
    cv::boxFilter(f, mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::boxFilter(f.mul(f), sq_mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::Mat variance = sq_mean - mean.mul(mean);
    cv::max(variance, 0.0, variance);
    cv::Mat deviation;
    cv::sqrt(variance, deviation);
    cv::Mat threshold = mean.mul(1.0 + k * (deviation / range - 1.0));
    cv::Mat binary;
    cv::compare(f, threshold, binary, cv::CMP_GT);  // 255 = paper, 0 = ink
    *out = intake::new_image(binary, img.dpi_x, img.dpi_y);
  });
}
