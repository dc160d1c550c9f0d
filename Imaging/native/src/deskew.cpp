// intake_deskew_angle: the skew of text lines by projection profiles. Ink pixels are projected
// across candidate line directions; when the direction matches the text lines the profile turns
// into sharp peaks (lines) and gaps (leading), which maximises the sum of squared bin counts.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

using intake::cleanup::checked;

constexpr size_t kMaxPoints = 120000;     // a dense page subsampled evenly; the profile shape survives
constexpr double kCoarseStep = 0.5;       // narrower than the profile peak of a text line
constexpr double kFineStep = 0.05;
constexpr double kStraight = 0.05;        // below this, resampling would do more harm than good
constexpr double kEdge = 1.0;            // two coarse steps: a peak this close to the edge of the range may lie beyond it
constexpr size_t kCoarseStride = 4;       // the coarse sweep only has to find the peak's half-degree: a quarter of the points do

struct Points {
  std::vector<float> x, y;
  int span = 0;  // bins needed for any projection
};

// Ink pixels of the page, without specks and solid blobs (photo remnants, border slabs), which only
// blur the profile. Coordinates are centred so every projection has the same range.
// The shared 1600-pixel analysis view gives 0.05 degree resolution on a page, fast at any input size.
Points ink_points(const intake_image& image) {
  const cv::Mat ink = intake::cleanup::analysis_ink(image);
  const cv::Mat& work = ink;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<uint8_t> keep(size_t(n), 0);
  const double page_area = double(work.cols) * work.rows;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const double box = double(stats.at<int>(i, cv::CC_STAT_WIDTH)) * stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const bool speck = area < 3;
    const bool blob = area > 0.002 * page_area && area > 0.4 * box;
    // Dark scanner borders and the paper's own edges touch the image edge; text hardly ever does.
    const bool border = x == 0 || y == 0 || x + stats.at<int>(i, cv::CC_STAT_WIDTH) == work.cols ||
                        y + stats.at<int>(i, cv::CC_STAT_HEIGHT) == work.rows;
    keep[size_t(i)] = !speck && !blob && !border;
  }
  size_t total = 0;
  for (int r = 0; r < labels.rows; ++r) {
    const int* row = labels.ptr<int>(r);
    for (int c = 0; c < labels.cols; ++c) total += keep[size_t(row[c])];
  }
  const size_t stride = std::max<size_t>(1, (total + kMaxPoints - 1) / kMaxPoints);
  Points p;
  p.x.reserve(total / stride + 1);
  p.y.reserve(total / stride + 1);
  const float cx = float(work.cols) / 2.0f, cy = float(work.rows) / 2.0f;
  size_t k = 0;
  for (int r = 0; r < labels.rows; ++r) {
    const int* row = labels.ptr<int>(r);
    for (int c = 0; c < labels.cols; ++c) {
      if (!keep[size_t(row[c])]) continue;
      if (k++ % stride != 0) continue;
      p.x.push_back(float(c) - cx);
      p.y.push_back(float(r) - cy);
    }
  }
  p.span = int(std::ceil(std::hypot(double(work.cols), double(work.rows)))) + 4;
  return p;
}

// Sum of squared counts of the profile across direction `degrees` (text lines running at that
// angle below the horizontal, as seen on screen), over every `stride`-th point. Bins are one working pixel.
double score(const Points& p, double degrees, std::vector<int>& bins, size_t stride = 1) {
  const double a = degrees * CV_PI / 180.0;
  const float s = float(std::sin(a)), c = float(std::cos(a));
  const float offset = float(p.span) / 2.0f;
  std::fill(bins.begin(), bins.end(), 0);
  for (size_t i = 0; i < p.x.size(); i += stride) {
    const int b = int(p.y[i] * c - p.x[i] * s + offset);
    ++bins[size_t(b)];
  }
  double sum = 0;
  for (int v : bins) sum += double(v) * v;
  return sum;
}

// The turn from direction `axis` to direction `a` on the half circle of line directions (lines at a and
// at a + 180 are the same lines), in [-90, 90).
double direction_offset(double a, double axis) {
  const double d = std::fmod(a - axis + 90.0, 180.0);
  return (d < 0 ? d + 180.0 : d) - 90.0;
}

}  // namespace

extern "C" intake_status intake_deskew_angle(const intake_image* image, double max_degrees, double* angle, double* confidence) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!angle || !confidence) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (!(max_degrees > 0) || max_degrees > 45) intake::fail(INTAKE_E_ARGUMENT, "max_degrees must be in (0, 45]");
    *angle = 0;
    *confidence = 0;
    const Points p = ink_points(img);
    if (p.x.size() < 200) return;  // nothing that could form a line
    std::vector<int> bins(size_t(p.span) + 1);

    // Coarse sweep over every line direction, not only the range asked for: a text block turned by a
    // quarter (or by 60 degrees) has its peak outside +-45, and a sweep that stops at 45 crowns its own
    // edge (field case quarter-turn: 45 degrees at confidence 0.3, the page turned by 45 and nothing
    // read).
    std::vector<double> coarse;
    const int steps = int(std::lround(90.0 / kCoarseStep));
    double best = 0, best_score = -1;
    for (int i = -steps; i < steps; ++i) {
      const double s = score(p, i * kCoarseStep, bins, kCoarseStride);
      coarse.push_back(s);
      if (s > best_score) best_score = s, best = i * kCoarseStep;
    }
    // The unaligned level and the rival are taken over the quarter of directions centred on the axis the
    // lines run nearest to (horizontal, or vertical for a page on its side), as they always were for
    // upright pages: further out, a grid of letters has diagonal alignments that are no rival to its lines.
    const double axis = 90.0 * std::round(best / 90.0);
    const double coarse_skew = direction_offset(best, axis);
    std::vector<double> window;
    for (int i = -steps; i < steps; ++i)
      if (std::abs(direction_offset(i * kCoarseStep, axis)) <= 45.0) window.push_back(coarse[size_t(i + steps)]);
    std::vector<double> sorted = window;
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    const double floor_level = sorted[sorted.size() / 2];
    // The strongest rival more than 3 degrees away: a second peak that high makes the answer doubtful.
    double rival = floor_level;
    for (int i = -steps; i < steps; ++i) {
      const double offset = direction_offset(i * kCoarseStep, axis);
      if (std::abs(offset) <= 45.0 && std::abs(offset - coarse_skew) > 3.0) rival = std::max(rival, coarse[size_t(i + steps)]);
    }

    // Fine sweep around the coarse peak, then a parabola through the top three samples. Directions
    // repeat every 180 degrees, so nothing needs clamping here.
    double fine_best = best, fine_score = -1;
    const int fine_steps = int(std::lround(kCoarseStep / kFineStep));
    std::vector<double> fine(size_t(2 * fine_steps + 1));
    for (int i = -fine_steps; i <= fine_steps; ++i) {
      const double a = best + i * kFineStep;
      fine[size_t(i + fine_steps)] = score(p, a, bins);
      if (fine[size_t(i + fine_steps)] > fine_score) fine_score = fine[size_t(i + fine_steps)], fine_best = a;
    }
    const int at = int(std::lround((fine_best - best) / kFineStep)) + fine_steps;
    if (at > 0 && at < int(fine.size()) - 1) {
      const double l = fine[size_t(at - 1)], m = fine[size_t(at)], r = fine[size_t(at + 1)];
      const double denom = l - 2 * m + r;
      if (denom < 0) fine_best += std::clamp(0.5 * (l - r) / denom, -0.5, 0.5) * kFineStep;
    }
    // The skew proper: what is left once the quarter turn (orientation's business) is taken out.
    const double skew = direction_offset(fine_best, axis);

    // Confidence: how far the peak rises above the unaligned level, discounted by a rival peak; all
    // three from the coarse sweep, so they are counted over the same points.
    const double rise = best_score / std::max(floor_level, 1.0) - 1.0;
    const double rivalry = (rival - floor_level) / std::max(best_score - floor_level, 1e-9);
    // Printed pages rise 0.5..4 above the unaligned level with rivals below half the peak.
    double c = std::clamp(rise / 0.3, 0.0, 1.0) * std::clamp(1.5 * (1.0 - rivalry), 0.0, 1.0);
    // A skew at (or beyond) the edge of the range asked for is no measurement within it: the lines run
    // outside the range, and turning the page to its edge would leave it crooked, not straight.
    if (std::abs(skew) > max_degrees - kEdge) c = 0;
    *confidence = c;
    *angle = std::abs(skew) < kStraight ? 0.0 : skew;
  });
}
