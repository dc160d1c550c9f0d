// intake_content_bounds: the paper inside dark scanner borders (lid open, book edges) and the
// shadows along them. Text is erased first (a closing), so only large dark areas count as border;
// then rows and columns that are mostly dark are trimmed from each side inwards.
// intake_ink_bounds: where the marks are, so the white canvas a deskew rotation adds around a page
// can be cut away before the slower stages (orientation, OCR copy, reading) see it.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace intake::cleanup {

cv::Rect paper_bounds(const cv::Mat& grey) {
  cv::Mat work;
  const double scale = shrink(grey, 800, work);
  const int kernel = odd(0.02 * std::max(work.cols, work.rows));
  cv::Mat closed;
  cv::morphologyEx(work, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kernel, kernel)), cv::Point(-1, -1), 1,
                   cv::BORDER_REPLICATE);
  // The paper level is the bright end of the page; a border or shadow is well below it.
  std::vector<uint8_t> values(closed.begin<uint8_t>(), closed.end<uint8_t>());
  std::nth_element(values.begin(), values.begin() + long(values.size() * 9 / 10), values.end());
  const double paper = values[values.size() * 9 / 10];
  cv::Mat is_paper;
  cv::compare(closed, 0.6 * paper, is_paper, cv::CMP_GT);

  // Trim a side while its outermost line is less than half paper.
  int top = 0, bottom = work.rows, left = 0, right = work.cols;
  auto row_paper = [&](int r) { return cv::countNonZero(is_paper(cv::Rect(left, r, right - left, 1))) / double(right - left); };
  auto col_paper = [&](int c) { return cv::countNonZero(is_paper(cv::Rect(c, top, 1, bottom - top))) / double(bottom - top); };
  for (bool changed = true; changed;) {
    changed = false;
    if (bottom - top > 2 && row_paper(top) < 0.5) ++top, changed = true;
    if (bottom - top > 2 && row_paper(bottom - 1) < 0.5) --bottom, changed = true;
    if (right - left > 2 && col_paper(left) < 0.5) ++left, changed = true;
    if (right - left > 2 && col_paper(right - 1) < 0.5) --right, changed = true;
  }
  const cv::Rect full(0, 0, grey.cols, grey.rows);
  // Less than a quarter left means a dark page or a photo, not a border: keep everything.
  if (double(bottom - top) * (right - left) < 0.25 * work.cols * work.rows) return full;
  const cv::Rect found(int(std::ceil(left / scale)), int(std::ceil(top / scale)), int(std::floor((right - left) / scale)),
                       int(std::floor((bottom - top) / scale)));
  return found & full;
}

std::vector<cv::Rect> ink_marks(const intake_image& image, double& scale) {
  cv::Mat work;
  scale = analysis_view(image, work);
  const cv::Mat ink = analysis_ink(image);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<cv::Rect> marks;
  for (int i = 1; i < n; ++i) {
    // Dust is a pixel or two at this size; a full stop at 150 dpi is already 3x3.
    if (stats.at<int>(i, cv::CC_STAT_AREA) < 3) continue;
    marks.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), stats.at<int>(i, cv::CC_STAT_WIDTH),
                       stats.at<int>(i, cv::CC_STAT_HEIGHT));
  }
  return marks;
}

// Bounds of the ink at working size, scaled back to the image's pixels.
cv::Rect ink_bounds(const intake_image& image) {
  double scale = 1;
  cv::Rect bounds;
  for (const cv::Rect& mark : ink_marks(image, scale)) bounds = bounds.empty() ? mark : bounds | mark;
  const cv::Rect full(0, 0, image.mat.cols, image.mat.rows);
  if (bounds.empty()) return full;
  // Outward rounding: a working pixel covers 1/scale image pixels.
  const int left = int(std::floor(bounds.x / scale)), top = int(std::floor(bounds.y / scale));
  const int right = int(std::ceil(bounds.br().x / scale)), bottom = int(std::ceil(bounds.br().y / scale));
  return cv::Rect(left, top, right - left, bottom - top) & full;
}

}  // namespace intake::cleanup

extern "C" intake_status intake_content_bounds(const intake_image* image, intake_rect* out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat view;
    const double scale = intake::cleanup::analysis_view(img, view);
    const cv::Rect found = intake::cleanup::analysis_paper(img);
    const cv::Rect full(0, 0, img.mat.cols, img.mat.rows);
    cv::Rect r = full;
    if (found != cv::Rect(0, 0, view.cols, view.rows)) {
      // Inward rounding: a border pixel of the view must not bring border back into the page.
      const int left = int(std::ceil(found.x / scale)), top = int(std::ceil(found.y / scale));
      const int right = int(std::floor(found.br().x / scale)), bottom = int(std::floor(found.br().y / scale));
      r = cv::Rect(left, top, std::max(1, right - left), std::max(1, bottom - top)) & full;
    }
    *out = intake_rect{r.x, r.y, r.width, r.height};
  });
}

extern "C" intake_status intake_ink_bounds(const intake_image* image, int32_t margin, intake_rect* out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (margin < 0) intake::fail(INTAKE_E_ARGUMENT, "margin must not be negative");
    const cv::Rect ink = intake::cleanup::ink_bounds(img);
    const cv::Rect grown = cv::Rect(ink.x - margin, ink.y - margin, ink.width + 2 * margin, ink.height + 2 * margin) &
                           cv::Rect(0, 0, img.mat.cols, img.mat.rows);
    *out = intake_rect{grown.x, grown.y, grown.width, grown.height};
  });
}
