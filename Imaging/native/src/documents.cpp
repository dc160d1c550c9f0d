// intake_find_documents / intake_extract_document: cards and pages lying anywhere, at any angle,
// on a flatbed scan. The lid is a flat light colour; whatever differs from it (a card's print and
// colour, a page's text and its shadowed edge) is merged into blobs, and each blob that fills its
// minimum-area rectangle well is a document.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace {

constexpr double kCardLongMm = 85.6;
constexpr double kMinTrustedDpi = 150;
constexpr double kMaxTrustedDpi = 1200;

// The lid colour: the median of the outermost ring of pixels, which documents rarely cover.
cv::Scalar lid_colour(const cv::Mat& work) {
  std::vector<cv::Mat> channels;
  cv::split(work, channels);
  cv::Scalar colour;
  for (size_t c = 0; c < channels.size(); ++c) {
    const cv::Mat& m = channels[c];
    std::vector<uint8_t> ring;
    for (int x = 0; x < m.cols; ++x) ring.push_back(m.at<uint8_t>(0, x)), ring.push_back(m.at<uint8_t>(m.rows - 1, x));
    for (int y = 0; y < m.rows; ++y) ring.push_back(m.at<uint8_t>(y, 0)), ring.push_back(m.at<uint8_t>(y, m.cols - 1));
    std::nth_element(ring.begin(), ring.begin() + long(ring.size() / 2), ring.end());
    colour[int(c)] = ring[ring.size() / 2];
  }
  return colour;
}

// How far from the lid colour a pixel must be to count as document: just above the lid's own noise
// (the 99th percentile of the outer ring's difference), and at least 6 grey levels. A fixed 18 lost
// the light parts of real cards: the 2021 CCCD's tinted body differs from a white lid by about 13
// and its MRZ band by about 7, so a card's outline there was invisible and the card was not found.
double difference_threshold(const cv::Mat& difference) {
  std::vector<uint8_t> ring;
  const int last_row = difference.rows - 1, last_col = difference.cols - 1;
  for (int x = 0; x < difference.cols; ++x) ring.push_back(difference.at<uint8_t>(0, x)), ring.push_back(difference.at<uint8_t>(last_row, x));
  for (int y = 0; y < difference.rows; ++y) ring.push_back(difference.at<uint8_t>(y, 0)), ring.push_back(difference.at<uint8_t>(y, last_col));
  const auto p99 = ring.begin() + long(ring.size() * 99 / 100);
  std::nth_element(ring.begin(), p99, ring.end());
  return std::max(6.0, double(*p99) + 4.0);
}

// 255 where the scan is not lid: a colour or brightness difference, or an edge.
cv::Mat not_lid(const cv::Mat& work) {
  cv::Mat blurred;
  cv::GaussianBlur(work, blurred, cv::Size(5, 5), 0);
  cv::Mat difference;
  cv::absdiff(blurred, lid_colour(blurred), difference);
  if (difference.channels() == 3) {
    std::vector<cv::Mat> channels;
    cv::split(difference, channels);
    cv::max(channels[0], channels[1], difference);
    cv::max(difference, channels[2], difference);
  }
  cv::Mat mask;
  cv::compare(difference, difference_threshold(difference), mask, cv::CMP_GT);
  cv::Mat edges;
  cv::Canny(intake::cleanup::grey_of(blurred), edges, 20, 60);
  cv::bitwise_or(mask, edges, mask);
  return mask;
}

// The four corners of a rotated rectangle and its description with width along the document's x axis.
intake_rotated_rect describe(const cv::RotatedRect& box, bool landscape) {
  std::array<cv::Point2f, 4> p;
  box.points(p.data());
  // Sides p0-p1 and p1-p2; pick the one that is the document's width.
  const cv::Point2f a = p[1] - p[0], b = p[2] - p[1];
  const double la = std::hypot(a.x, a.y), lb = std::hypot(b.x, b.y);
  const bool a_is_long = la >= lb;
  const cv::Point2f along = (a_is_long == landscape) ? a : b;
  const double width = (a_is_long == landscape) ? la : lb;
  const double height = (a_is_long == landscape) ? lb : la;
  // Screen counter-clockwise: y points down, so the angle of (x, y) is atan2(-y, x).
  double angle = std::atan2(-double(along.y), double(along.x)) * 180.0 / CV_PI;
  while (angle > 90.0) angle -= 180.0;
  while (angle <= -90.0) angle += 180.0;
  return intake_rotated_rect{box.center.x, box.center.y, width, height, angle};
}

}  // namespace

extern "C" intake_status intake_find_documents(const intake_image* image, int32_t max_docs, intake_document_region* regions,
                                               int32_t* count) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!count || max_docs < 0 || (max_docs > 0 && !regions)) intake::fail(INTAKE_E_ARGUMENT, "bad argument");
    *count = 0;
    cv::Mat work;
    const double scale = intake::cleanup::shrink(img.mat, 1000, work);
    cv::Mat mask = not_lid(work);

    // Merge print and card colour into one blob per document, fill it, then cut thin bridges
    // (a shadow line between two cards lying close together).
    const int merge = intake::cleanup::odd(0.015 * std::max(work.cols, work.rows));
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(merge, merge)));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    mask.setTo(0);
    cv::drawContours(mask, contours, -1, cv::Scalar(255), cv::FILLED);
    const int cut = intake::cleanup::odd(0.008 * std::max(work.cols, work.rows));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(cut, cut)));
    contours.clear();
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);

    // Smallest document: a third of a card's area when the dpi is known, else 1% of the scan. A declared
    // resolution under 150 dpi is not believed: it is a camera's or an editor's default (JPEG's 72, a
    // screen's 96), not a flatbed's, and a card judged by it came out 30 cm long and was taken for a page.
    const bool dpi_trusted = img.dpi_x >= kMinTrustedDpi && img.dpi_x <= kMaxTrustedDpi;
    const double px_per_mm = dpi_trusted ? img.dpi_x / 25.4 * scale : 0;
    const double min_area = px_per_mm > 0 ? (kCardLongMm * 54.0 / 3.0) * px_per_mm * px_per_mm : 0.01 * work.cols * work.rows;
    std::vector<intake_document_region> found;
    for (const auto& contour : contours) {
      const double area = cv::contourArea(contour);
      if (area < min_area || area > 0.98 * work.cols * work.rows) continue;
      const cv::RotatedRect box = cv::minAreaRect(contour);
      const double fill = area / std::max(1.0, double(box.size.area()));
      if (fill < 0.8) continue;  // not a rectangle: a photo's subject, a hand, a crumpled sheet
      const double long_side = std::max(box.size.width, box.size.height) / scale;
      const double short_side = std::min(box.size.width, box.size.height) / scale;
      const bool card = px_per_mm > 0 ? long_side / (px_per_mm / scale) < 130.0
                                      : long_side / short_side > 1.4 && long_side / short_side < 1.8 &&
                                            long_side < 0.9 * std::max(img.mat.cols, img.mat.rows);
      intake_document_region r{};
      r.region = describe(box, card);
      r.region.center_x /= scale;
      r.region.center_y /= scale;
      r.region.width /= scale;
      r.region.height /= scale;
      const cv::Rect bounds = cv::boundingRect(contour);
      const cv::Rect full_bounds = cv::Rect(int(std::floor(bounds.x / scale)), int(std::floor(bounds.y / scale)),
                                            int(std::ceil(bounds.width / scale)), int(std::ceil(bounds.height / scale))) &
                                   cv::Rect(0, 0, img.mat.cols, img.mat.rows);
      r.bounds = intake_rect{full_bounds.x, full_bounds.y, full_bounds.width, full_bounds.height};
      r.kind = card ? INTAKE_DOCUMENT_CARD : INTAKE_DOCUMENT_PAGE;
      r.confidence = std::clamp((fill - 0.8) / 0.15, 0.0, 1.0);
      found.push_back(r);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.region.width * a.region.height > b.region.width * b.region.height;
    });
    const size_t n = std::min(found.size(), size_t(max_docs));
    std::copy_n(found.begin(), n, regions);
    *count = int32_t(n);
  });
}

extern "C" intake_status intake_extract_document(const intake_image* image, const intake_document_region* region, intake_image** out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!region || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    const auto& r = region->region;
    const int width = int(std::lround(r.width)), height = int(std::lround(r.height));
    if (width < 1 || height < 1 || !std::isfinite(r.angle) || width > 100000 || height > 100000)
      intake::fail(INTAKE_E_ARGUMENT, "bad document region");
    // Maps each pixel of the upright output to where it lies in the scan: turn by the region's
    // angle (counter-clockwise on screen) about its centre.
    const double a = r.angle * CV_PI / 180.0, c = std::cos(a), s = std::sin(a);
    const double hw = width / 2.0, hh = height / 2.0;
    const cv::Matx23d to_scan(c, s, r.center_x - hw * c - hh * s, -s, c, r.center_y + hw * s - hh * c);
    cv::Mat upright;
    cv::warpAffine(img.mat, upright, to_scan, cv::Size(width, height), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    *out = intake::new_image(upright, img.dpi_x, img.dpi_y);
  });
}
