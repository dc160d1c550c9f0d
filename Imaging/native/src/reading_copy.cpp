// Helpers for the copy of a page the OCR engine reads (never the archived image): how large its text is,
// and white-on-dark bars turned into dark-on-white. Tesseract reads dark text on light paper, best with an
// x-height of about 20 pixels (its documentation's "Improving the quality of the output": 300 dpi or more
// for body text); below about 10 pixels accuracy falls quickly (tesseract-ocr/tesseract#161).
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr int kMeasureSide = 2400;  // small print must survive the shrink: 6 pt at 300 dpi keeps ~9 px here

constexpr int kMinLineGlyphs = 8;  // fewer letters than this (a page number, a big title) do not tell a size

struct Line {
  double x_height;
  size_t glyphs;
};

double median_of(std::vector<int>& values) {
  std::nth_element(values.begin(), values.begin() + long(values.size() / 2), values.end());
  return double(values[values.size() / 2]);
}

}  // namespace

extern "C" intake_status intake_text_x_heights(const intake_image* image, double* body, double* smallest, int32_t* glyphs) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!body || !smallest || !glyphs) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *body = *smallest = 0;
    *glyphs = 0;
    cv::Mat work;
    const double scale = intake::cleanup::shrink(intake::cleanup::grey_of(img.mat), kMeasureSide, work);
    const cv::Mat ink = intake::cleanup::ink_mask(intake::cleanup::flatten_background(work));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    // Text lines are the bands of rows holding ink, separated by blank rows (the copy read is deskewed).
    cv::Mat row_ink;
    cv::reduce(ink, row_ink, 1, cv::REDUCE_SUM, CV_32S);
    std::vector<int> line_of_row(size_t(ink.rows), -1);
    int lines_found = 0;
    for (int y = 0; y < ink.rows;) {
      if (row_ink.at<int>(y) < 2 * 255) { ++y; continue; }
      const int top = y;
      while (y < ink.rows && row_ink.at<int>(y) >= 2 * 255) ++y;
      if (y - top >= 3) {
        for (int r = top; r < y; ++r) line_of_row[size_t(r)] = lines_found;
        ++lines_found;
      }
    }
    // Each line's x-height is the median height of its letter-like marks: letters without ascenders are
    // the majority in Vietnamese as in English, and outnumber the separate accents and dots.
    std::vector<std::vector<int>> heights(static_cast<size_t>(lines_found));
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      if (h < 2 || h >= work.rows / 20 || w >= 3 * h || area * 8 < w * h) continue;  // not a rule, a picture or a frame
      const int line = line_of_row[size_t(std::clamp(int(std::lround(centroids.at<double>(i, 1))), 0, ink.rows - 1))];
      if (line >= 0) heights[size_t(line)].push_back(h);
    }
    std::vector<Line> lines;
    for (auto& line : heights)
      if (line.size() >= kMinLineGlyphs) lines.push_back(Line{median_of(line), line.size()});
    for (const auto& line : lines) *glyphs += int32_t(line.glyphs);
    if (lines.empty()) return;
    // Body text: the x-height most letters are printed at (median weighted by letters); the smallest print:
    // the lowest line x-height.
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.x_height < b.x_height; });
    size_t half = 0, total = 0;
    for (const auto& line : lines) total += line.glyphs;
    double body_px = lines.back().x_height;
    for (const auto& line : lines) {
      half += line.glyphs;
      if (2 * half >= total) { body_px = line.x_height; break; }
    }
    const double small_px = lines.front().x_height;
    *body = body_px / scale;
    *smallest = small_px / scale;
  });
}

extern "C" intake_status intake_invert_dark_bars(const intake_image* image, intake_image** out, int32_t* bars) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out || !bars) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *bars = 0;
    const cv::Mat grey = intake::cleanup::grey_of(img.mat);
    cv::Mat view;
    intake::cleanup::shrink(grey, intake::cleanup::kAnalysisSide, view);  // the bars are found small, inverted full size
    // Dark: well below the paper (Otsu would split a page of black text the same way, so a bar is told by
    // its shape below: large, filled, with light marks inside).
    cv::Mat dark;
    cv::threshold(view, dark, 110, 255, cv::THRESH_BINARY_INV);
    // Close the light letters inside a bar so the bar is one filled region; text strokes stay apart.
    const int k = intake::cleanup::odd(std::max(5.0, view.cols / 60.0));
    cv::Mat closed;
    cv::morphologyEx(dark, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double page_area = double(view.rows) * view.cols;
    cv::Mat result;
    for (const auto& contour : contours) {
      const cv::Rect box = cv::boundingRect(contour);
      const double area = cv::contourArea(contour);
      if (area < 0.002 * page_area || box.width < view.cols / 12 || box.height < 2 * k) continue;
      if (area < 0.85 * double(box.area())) continue;  // a bar is a filled rectangle, not a paragraph of ink
      const double dark_share = cv::countNonZero(dark(box)) / double(box.area());
      if (dark_share < 0.5 || dark_share > 0.98) continue;  // mostly dark, with light marks (text) inside
      if (result.empty()) result = grey.clone();
      ++*bars;
      // The bar at full size: its inside (letters included) from the analysis view, and its edge from the
      // dark pixels near it, so no rim of the bar stays dark and no paper around it turns dark.
      cv::Mat view_mask = cv::Mat::zeros(view.size(), CV_8U);
      cv::drawContours(view_mask, std::vector<std::vector<cv::Point>>{contour}, 0, cv::Scalar(255), cv::FILLED);
      cv::Mat inside, near;
      cv::erode(view_mask, inside, cv::Mat());
      cv::dilate(view_mask, near, cv::Mat(), cv::Point(-1, -1), 2);
      cv::resize(inside, inside, grey.size(), 0, 0, cv::INTER_NEAREST);
      cv::resize(near, near, grey.size(), 0, 0, cv::INTER_NEAREST);
      cv::Mat darkish;
      cv::threshold(grey, darkish, 200, 255, cv::THRESH_BINARY_INV);
      cv::Mat mask = inside | (near & darkish);
      // Inverted, the bar's own colour becomes its background: stretched to white paper, the letters stay dark.
      const double bar_colour = cv::mean(grey, inside & darkish)[0];
      const double paper = std::max(1.0, 255.0 - bar_colour);
      cv::Mat inverted;
      cv::subtract(cv::Scalar(255), grey, inverted);
      inverted.convertTo(inverted, CV_8U, 255.0 / paper);  // saturating
      inverted.copyTo(result, mask);
    }
    if (*bars == 0) {
      *out = intake::new_image(grey, img.dpi_x, img.dpi_y);
      return;
    }
    *out = intake::new_image(std::move(result), img.dpi_x, img.dpi_y);
  });
}
