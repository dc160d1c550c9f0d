// intake_estimate_dpi: the scan resolution from the size of the text. The most common glyph height
// on a page is the x-height of its body text; body text is 10-12 pt with an x-height near 0.48 em,
// so that height in pixels gives the pixels per inch (to about +-20%, enough to tell 150 from 300).
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace {

constexpr double kBodyPoints = 11.0;
constexpr double kXHeightEm = 0.48;
constexpr int kMinGlyphs = 60;

// Scanners offer a handful of resolutions; an estimate near one of them is that one.
double snap(double dpi) {
  constexpr std::array<double, 10> common{72, 96, 100, 150, 200, 240, 300, 400, 600, 1200};
  for (double c : common)
    if (std::abs(dpi - c) <= 0.12 * c) return c;
  return std::round(dpi / 10.0) * 10.0;
}

}  // namespace

extern "C" intake_status intake_estimate_dpi(const intake_image* image, double* dpi) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!dpi) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *dpi = 0;
    cv::Mat work;
    const double scale = intake::cleanup::shrink(intake::cleanup::grey_of(img.mat), 2400, work);
    const cv::Mat ink = intake::cleanup::ink_mask(intake::cleanup::flatten_background(work));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<int> heights;
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      // Glyph-like: not a speck, not a rule or a photo, not a hollow frame.
      if (h >= 5 && h < work.rows / 20 && w < 3 * h && w * 10 >= h && area * 8 >= w * h) heights.push_back(h);
    }
    if (int(heights.size()) < kMinGlyphs) return;
    // Diacritics, dots and punctuation are the short tail: take the mode above half the median.
    std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2), heights.end());
    const int median = heights[heights.size() / 2];
    const int top = *std::max_element(heights.begin(), heights.end());
    std::vector<double> histogram(size_t(top) + 2, 0.0);
    for (int h : heights)
      if (2 * h >= median) histogram[size_t(h)] += 1.0;
    // Smooth over +-1 pixel so a mode split between two heights is found, then refine by centroid.
    int mode = 0;
    double best = -1;
    for (size_t h = 1; h + 1 < histogram.size(); ++h) {
      const double v = histogram[h - 1] + histogram[h] + histogram[h + 1];
      if (v > best) best = v, mode = int(h);
    }
    const double x_height = (histogram[size_t(mode - 1)] * (mode - 1) + histogram[size_t(mode)] * mode + histogram[size_t(mode + 1)] * (mode + 1)) /
                            std::max(best, 1.0) / scale;
    *dpi = snap(x_height / (kXHeightEm * kBodyPoints / 72.0));
  });
}
