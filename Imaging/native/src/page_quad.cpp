// intake_find_page_quad / intake_warp_quad: a page photographed on a desk. The page is the largest
// bright, low-detail region once its text is erased; its outline reduced to four corners is the
// quad. When that outline is not four-sided (a hand over a corner, a cluttered desk), the largest
// convex four-sided contour among the edges is tried instead.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace {

using Quad = std::array<cv::Point2f, 4>;

// Top-left, top-right, bottom-right, bottom-left.
Quad ordered(const std::vector<cv::Point>& p) {
  Quad q;
  auto by = [&](auto key, bool smallest) {
    return *std::min_element(p.begin(), p.end(), [&](const cv::Point& a, const cv::Point& b) {
      return smallest ? key(a) < key(b) : key(a) > key(b);
    });
  };
  q[0] = by([](const cv::Point& v) { return v.x + v.y; }, true);
  q[2] = by([](const cv::Point& v) { return v.x + v.y; }, false);
  q[1] = by([](const cv::Point& v) { return v.y - v.x; }, true);
  q[3] = by([](const cv::Point& v) { return v.y - v.x; }, false);
  return q;
}

// The outline simplified until it has four corners, if it ever does.
bool four_corners(const std::vector<cv::Point>& outline, std::vector<cv::Point>& quad) {
  std::vector<cv::Point> hull;
  cv::convexHull(outline, hull);
  const double perimeter = cv::arcLength(hull, true);
  for (double e = 0.01; e <= 0.1; e += 0.005) {
    cv::approxPolyDP(hull, quad, e * perimeter, true);
    if (quad.size() == 4) return cv::isContourConvex(quad);
    if (quad.size() < 4) return false;
  }
  return false;
}

struct Candidate {
  std::vector<cv::Point> quad;
  double fit = 0;  // region area / quad area
  double area = 0;
};

// The page with its print erased: a closing wider than text strokes, then a light blur.
cv::Mat erase_print(const cv::Mat& grey) {
  const int k = intake::cleanup::odd(0.02 * std::max(grey.cols, grey.rows));
  cv::Mat closed;
  cv::morphologyEx(grey, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::GaussianBlur(closed, closed, cv::Size(5, 5), 0);
  return closed;
}

Candidate bright_region(const cv::Mat& closed) {
  cv::Mat mask;
  // Halfway between the desk (the frame's edge) and the paper (the frame's centre): Otsu would
  // split a page's shadowed half from its lit half instead.
  auto median = [](std::vector<uint8_t> v) {
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return double(v[v.size() / 2]);
  };
  std::vector<uint8_t> ring, centre;
  for (int x = 0; x < closed.cols; ++x) ring.push_back(closed.at<uint8_t>(0, x)), ring.push_back(closed.at<uint8_t>(closed.rows - 1, x));
  for (int y = 0; y < closed.rows; ++y) ring.push_back(closed.at<uint8_t>(y, 0)), ring.push_back(closed.at<uint8_t>(y, closed.cols - 1));
  const cv::Mat middle = closed(cv::Rect(closed.cols / 4, closed.rows / 4, closed.cols / 2, closed.rows / 2)).clone();
  centre.assign(middle.begin<uint8_t>(), middle.end<uint8_t>());
  const double desk = median(ring), paper = median(centre);
  Candidate best;
  if (paper - desk < 20) return best;  // no bright page on a darker desk
  cv::threshold(closed, mask, (desk + paper) / 2, 255, cv::THRESH_BINARY);
  // Cut off bright patches of desk touching the page, which would add corners to its outline.
  const int k = intake::cleanup::odd(0.04 * std::max(closed.cols, closed.rows));
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  if (contours.empty()) return best;
  const auto& largest = *std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
    return cv::contourArea(a) < cv::contourArea(b);
  });
  std::vector<cv::Point> quad;
  if (!four_corners(largest, quad)) return best;
  best.quad = quad;
  best.area = cv::contourArea(quad);
  best.fit = cv::contourArea(largest) / std::max(best.area, 1.0);
  return best;
}

Candidate edge_contour(const cv::Mat& closed) {
  cv::Mat edges;
  // Print is erased, so the strongest steps left are the paper's edges, even where it is shadowed.
  cv::Canny(closed, edges, 10, 30);
  cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  // The frame closes the outline of a page that runs off the photo's edge.
  cv::rectangle(edges, cv::Rect(0, 0, edges.cols, edges.rows), cv::Scalar(255), 1);
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(edges, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
  Candidate best;
  for (const auto& contour : contours) {
    std::vector<cv::Point> quad;
    const double inside = cv::contourArea(contour);
    if (inside < 0.1 * closed.cols * closed.rows || inside > 0.97 * closed.cols * closed.rows || !four_corners(contour, quad)) continue;
    const double area = cv::contourArea(quad);
    if (area > best.area) best = Candidate{quad, cv::contourArea(contour) / std::max(area, 1.0), area};
  }
  return best;
}

}  // namespace

extern "C" intake_status intake_find_page_quad(const intake_image* image, double corners[8], double* confidence) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!corners || !confidence) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    const double w = img.mat.cols, h = img.mat.rows;
    const double whole[8] = {0, 0, w - 1, 0, w - 1, h - 1, 0, h - 1};
    std::copy(whole, whole + 8, corners);
    *confidence = 0;
    cv::Mat work;
    const double scale = intake::cleanup::shrink(intake::cleanup::grey_of(img.mat), 800, work);
    const double frame = double(work.cols) * work.rows;
    // A page covering 15-99% of the frame; fit near 1 means the region really is four-sided.
    auto usable = [&](const Candidate& c) { return !c.quad.empty() && c.area > 0.15 * frame && c.area < 0.99 * frame && c.fit > 0.85; };
    const cv::Mat closed = erase_print(work);
    Candidate chosen = edge_contour(closed);
    const Candidate bright = bright_region(closed);
    if (!usable(chosen) || (usable(bright) && bright.area > chosen.area * 1.02)) chosen = bright;
    if (!usable(chosen)) return;
    const Quad q = ordered(chosen.quad);
    for (size_t i = 0; i < 4; ++i) {
      corners[2 * i] = q[i].x / scale;
      corners[2 * i + 1] = q[i].y / scale;
    }
    *confidence = std::clamp((std::min(chosen.fit, 1.0 / chosen.fit) - 0.85) / 0.12, 0.0, 1.0);
  });
}

extern "C" intake_status intake_warp_quad(const intake_image* image, const double corners[8], intake_image** out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!corners || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    std::array<cv::Point2f, 4> src;
    for (size_t i = 0; i < 4; ++i) {
      if (!std::isfinite(corners[2 * i]) || !std::isfinite(corners[2 * i + 1])) intake::fail(INTAKE_E_ARGUMENT, "corner is not a number");
      src[i] = cv::Point2f(float(corners[2 * i]), float(corners[2 * i + 1]));
    }
    auto length = [](cv::Point2f a, cv::Point2f b) { return std::hypot(double(a.x - b.x), double(a.y - b.y)); };
    // The longer of each pair of opposite sides: the side nearer the camera is the less foreshortened.
    const int width = int(std::lround(std::max(length(src[0], src[1]), length(src[3], src[2]))));
    const int height = int(std::lround(std::max(length(src[0], src[3]), length(src[1], src[2]))));
    if (width < 2 || height < 2 || double(width) * height > 4e8) intake::fail(INTAKE_E_ARGUMENT, "degenerate quad");
    const std::array<cv::Point2f, 4> dst{cv::Point2f(0, 0), cv::Point2f(float(width - 1), 0), cv::Point2f(float(width - 1), float(height - 1)),
                                         cv::Point2f(0, float(height - 1))};
    const cv::Mat m = cv::getPerspectiveTransform(src.data(), dst.data());
    cv::Mat flat;
    cv::warpPerspective(img.mat, flat, m, cv::Size(width, height), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    *out = intake::new_image(flat, img.dpi_x, img.dpi_y);
  });
}
