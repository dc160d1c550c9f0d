// Shared by the cleanup sources (intake_cleanup.h): the few steps every analysis starts with.
#pragma once

#include "intake_cleanup.h"
#include "internal.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace intake::cleanup {

const intake_image& checked(const intake_image* image);

// 8-bit grey of either image kind (shares the pixels when already grey).
cv::Mat grey_of(const cv::Mat& mat);

// A copy whose longer side is at most max_side pixels (INTER_AREA keeps thin strokes visible);
// returns the factor applied (<= 1), so working coordinates divide by it to get back.
double shrink(const cv::Mat& src, int max_side, cv::Mat& dst);

// Grey divided by an estimate of the paper under it (a closing with a kernel larger than text
// strokes), so shadows, yellowed paper and uneven lighting become flat white and only ink stays dark.
cv::Mat flatten_background(const cv::Mat& grey);

// 255 where there is ink on a flattened page: Otsu, capped so a blank page's noise is not ink.
cv::Mat ink_mask(const cv::Mat& flat);

// A copy shrunk by a whole factor so its longer side lands near side (between 2/3 and 4/3 of it):
// OpenCV's area averaging has a fast path for whole factors, about four times quicker than any other.
// Returns the factor applied (<= 1).
double shrink_whole(const cv::Mat& src, int side, cv::Mat& dst);

int odd(double size);

// The image in grey shrunk by a whole factor to about kAnalysisSide on its longer side (INTER_AREA),
// made on first use and kept with the image; returns the factor applied (<= 1). Every page analysis
// at that size uses it.
constexpr int kAnalysisSide = 1600;
double analysis_view(const intake_image& image, cv::Mat& view);

// ink_mask(flatten_background(view)) of the analysis view, made once per image.
cv::Mat analysis_ink(const intake_image& image);

// paper_bounds(view) of the analysis view (in its pixels), made once per image.
cv::Rect analysis_paper(const intake_image& image);

}  // namespace intake::cleanup

namespace intake::cleanup {

// The paper area inside dark borders, in the grey image's pixels (content_bounds.cpp).
cv::Rect paper_bounds(const cv::Mat& grey);

// The marks on the page larger than dust, in the grey image's pixels; the whole image without ink.
cv::Rect ink_bounds(const intake_image& image);

// The marks larger than dust, as boxes in the analysis view's pixels; scale is the view's factor.
std::vector<cv::Rect> ink_marks(const intake_image& image, double& scale);

}  // namespace intake::cleanup
