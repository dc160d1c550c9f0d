// Shared steps of the cleanup analyses (see cleanup_internal.hpp).
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace intake::cleanup {

const intake_image& checked(const intake_image* image) {
  if (!image) fail(INTAKE_E_ARGUMENT, "null image");
  if (image->mat.empty()) fail(INTAKE_E_ARGUMENT, "empty image");
  return *image;
}

cv::Mat grey_of(const cv::Mat& mat) {
  if (mat.channels() == 1) return mat;
  cv::Mat grey;
  cv::cvtColor(mat, grey, cv::COLOR_BGR2GRAY);
  return grey;
}

double shrink(const cv::Mat& src, int max_side, cv::Mat& dst) {
  const int longest = std::max(src.cols, src.rows);
  if (longest <= max_side) {
    dst = src;
    return 1.0;
  }
  const double scale = double(max_side) / longest;
  cv::resize(src, dst, cv::Size(std::max(1, int(std::lround(src.cols * scale))), std::max(1, int(std::lround(src.rows * scale)))), 0,
             0, cv::INTER_AREA);
  return scale;
}

double shrink_whole(const cv::Mat& src, int side, cv::Mat& dst) {
  const int factor = std::max(1, int(std::lround(double(std::max(src.cols, src.rows)) / side)));
  if (factor == 1) {
    dst = src;
    return 1.0;
  }
  cv::resize(src, dst, cv::Size(std::max(1, src.cols / factor), std::max(1, src.rows / factor)), 0, 0, cv::INTER_AREA);
  return double(dst.cols) / src.cols;
}

double analysis_view(const intake_image& image, cv::Mat& view) {
  std::lock_guard<std::recursive_mutex> lock(image.view_lock);
  if (image.view.empty()) image.view_scale = shrink_whole(grey_of(image.mat), kAnalysisSide, image.view);
  view = image.view;
  return image.view_scale;
}

cv::Mat analysis_ink(const intake_image& image) {
  std::lock_guard<std::recursive_mutex> lock(image.view_lock);
  if (image.view_ink.empty()) {
    cv::Mat view;
    analysis_view(image, view);
    image.view_ink = ink_mask(flatten_background(view));
  }
  return image.view_ink;
}

cv::Rect analysis_paper(const intake_image& image) {
  std::lock_guard<std::recursive_mutex> lock(image.view_lock);
  if (image.view_paper.empty()) {
    cv::Mat view;
    analysis_view(image, view);
    image.view_paper = paper_bounds(view);
  }
  return image.view_paper;
}

int odd(double size) { return std::max(3, int(std::lround(size)) | 1); }

cv::Mat flatten_background(const cv::Mat& grey) {
  // The paper estimate is smooth, so it is computed at a quarter of the size (or less) and scaled
  // back: a closing over a 1%-of-page kernel erases body text and headings but keeps the lighting.
  cv::Mat small;
  const double scale = shrink(grey, std::min(1000, std::max(grey.cols, grey.rows) / 4 + 1), small);
  const int kernel = odd(0.012 * std::max(small.cols, small.rows));
  cv::Mat paper;
  cv::morphologyEx(small, paper, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kernel, kernel)), cv::Point(-1, -1),
                   1, cv::BORDER_REPLICATE);
  cv::GaussianBlur(paper, paper, cv::Size(), kernel / 2.0, 0, cv::BORDER_REPLICATE);
  if (scale < 1.0) cv::resize(paper, paper, grey.size(), 0, 0, cv::INTER_LINEAR);
  // max(paper, 1) so black regions (a scanner border) do not divide by zero. Dividing 8-bit by 8-bit
  // with scale 255 rounds and saturates at 255 in one pass, with no full-page float copies.
  cv::max(paper, 1, paper);
  cv::Mat flat;
  cv::divide(grey, paper, flat, 255.0, CV_8U);
  return flat;
}

cv::Mat ink_mask(const cv::Mat& flat) {
  cv::Mat ink;
  const double otsu = cv::threshold(flat, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  // On a flattened page paper sits near 255; Otsu on a page of paper only splits its noise.
  const double limit = 200;
  if (otsu > limit) cv::threshold(flat, ink, limit, 255, cv::THRESH_BINARY_INV);
  return ink;
}

}  // namespace intake::cleanup
