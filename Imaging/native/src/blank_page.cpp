// intake_blank_score: how much ink a page carries, so blank backs of duplex scans can be flagged.
// Ink is counted on the flattened page inside the paper bounds, ignoring specks (dust, toner
// spatter) and anything touching the edge (border remnants), which a blank page still has.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

extern "C" intake_status intake_blank_score(const intake_image* image, double* score) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!score) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    const cv::Mat work = intake::cleanup::analysis_ink(img);
    cv::Rect paper = intake::cleanup::analysis_paper(img);
    // A 2% inset: the paper edge itself often shows as a dark line.
    const int dx = paper.width / 50, dy = paper.height / 50;
    paper = cv::Rect(paper.x + dx, paper.y + dy, std::max(1, paper.width - 2 * dx), std::max(1, paper.height - 2 * dy));
    const cv::Mat ink = work(paper);

    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    // A full stop at 150 dpi is about 3x3 pixels; dust specks are smaller.
    const int min_area = std::max(4, int(std::lround(6.0 * (work.cols / 1240.0) * (work.cols / 1240.0))));
    double inked = 0;
    for (int i = 1; i < n; ++i) {
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
      const bool edge = x == 0 || y == 0 || x + stats.at<int>(i, cv::CC_STAT_WIDTH) == ink.cols ||
                        y + stats.at<int>(i, cv::CC_STAT_HEIGHT) == ink.rows;
      if (area >= min_area && !edge) inked += area;
    }
    const double fraction = inked / (double(ink.cols) * ink.rows);
    // A typed page is 3-10% ink, one line of text about 0.1%; the curve keeps both well above blank.
    *score = 1.0 - std::exp(-fraction / 0.005);
  });
}
