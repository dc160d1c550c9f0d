// intake_sharpness and intake_glare_fraction: the capture gate for camera frames, so a blurred or
// glaring photo is retaken while the citizen is still at the kiosk.
#include "cleanup_internal.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

extern "C" intake_status intake_sharpness(const intake_image* image, double* score) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!score) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    // Measured at a fixed working size, where text strokes are a few pixels wide.
    cv::Mat work;
    intake::cleanup::analysis_view(img, work);
    cv::Mat laplacian, gx, gy;
    cv::Laplacian(work, laplacian, CV_32F, 3);
    cv::Sobel(work, gx, CV_32F, 1, 0, 3);
    cv::Sobel(work, gy, CV_32F, 0, 1, 3);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    const double gradient_energy = cv::mean(gx.mul(gx) + gy.mul(gy))[0];
    if (gradient_energy < 1.0) {  // a flat frame (lens cap, blank wall) has nothing in focus
      *score = 0;
      return;
    }
    // Both energies scale with contrast squared, so their ratio does not; blur removes the second
    // derivative faster than the first, so the ratio falls with defocus.
    const double ratio = deviation[0] * deviation[0] / gradient_energy;
    *score = ratio / (ratio + 0.25);
  });
}

extern "C" intake_status intake_glare_fraction(const intake_image* image, double* fraction) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!fraction) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat work;
    intake::cleanup::shrink(img.mat, 1000, work);
    // Clipped means every channel at the top of the range.
    cv::Mat lowest;
    if (work.channels() == 1) lowest = work;
    else {
      std::vector<cv::Mat> channels;
      cv::split(work, channels);
      cv::min(channels[0], channels[1], lowest);
      cv::min(lowest, channels[2], lowest);
    }
    cv::Mat clipped;
    cv::compare(lowest, 250, clipped, cv::CMP_GE);
    // Glare is a patch, not scattered pixels of white paper.
    cv::morphologyEx(clipped, clipped, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(clipped, labels, stats, centroids, 8, CV_32S);
    const double min_area = 0.0005 * work.cols * work.rows;
    double glare = 0;
    for (int i = 1; i < n; ++i)
      if (stats.at<int>(i, cv::CC_STAT_AREA) >= min_area) glare += stats.at<int>(i, cv::CC_STAT_AREA);
    *fraction = glare / (double(work.cols) * work.rows);
  });
}
