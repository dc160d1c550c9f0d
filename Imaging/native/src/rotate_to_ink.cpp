// intake_rotate_to_ink: a skewed page turned straight, keeping only the window around its ink.
// Turning the whole page widens the canvas with white corners (a page turned 25 degrees comes back
// about twice its area), which every later stage and the reader would then pay for; cutting the turned
// page back afterwards costs another full-resolution pass. Here the ink's extent is found on the small
// analysis view, turned with the page's own rotation, and only that window is resampled.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

extern "C" intake_status intake_rotate_to_ink(const intake_image* image, double degrees, int32_t margin, intake_image** out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out || !std::isfinite(degrees)) intake::fail(INTAKE_E_ARGUMENT, "bad argument");
    if (margin < 0) intake::fail(INTAKE_E_ARGUMENT, "margin must not be negative");
    const cv::Mat& src = img.mat;
    // The same turn as intake_image_rotate: counter-clockwise on screen about the page centre.
    const cv::Point2f centre(float(src.cols) / 2.0f, float(src.rows) / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
    const cv::Rect2d canvas = cv::RotatedRect(centre, src.size(), float(degrees)).boundingRect2f();

    double scale = 1;
    std::vector<cv::Point2f> corners;
    for (const cv::Rect& mark : intake::cleanup::ink_marks(img, scale)) {
      // Outward by one view pixel: a view pixel covers 1/scale page pixels.
      const float l = float(mark.x / scale), t = float(mark.y / scale);
      const float r = float((mark.x + mark.width) / scale), b = float((mark.y + mark.height) / scale);
      corners.insert(corners.end(), {{l, t}, {r, t}, {l, b}, {r, b}});
    }
    cv::Rect2d window = canvas;
    if (!corners.empty()) {
      cv::transform(corners, corners, m);
      const cv::Rect2d ink = cv::boundingRect(corners);
      window = cv::Rect2d(ink.x - margin, ink.y - margin, ink.width + 2.0 * margin, ink.height + 2.0 * margin) & canvas;
    }
    const int x = int(std::floor(window.x)), y = int(std::floor(window.y));
    const cv::Size size(std::max(1, int(std::ceil(window.br().x)) - x), std::max(1, int(std::ceil(window.br().y)) - y));
    m.at<double>(0, 2) -= x;
    m.at<double>(1, 2) -= y;
    cv::Mat dst;
    cv::warpAffine(src, dst, m, size, intake::rotation_interpolation(src), cv::BORDER_CONSTANT, cv::Scalar::all(255));
    *out = intake::new_image(std::move(dst), img.dpi_x, img.dpi_y);
  });
}
