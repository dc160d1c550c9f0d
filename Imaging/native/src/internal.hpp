// Shared by the native sources only: the opaque structs behind the C ABI and the one way errors
// leave it (a Failure thrown inside, caught by guard() at the boundary and turned into a status).
#pragma once

#include "intake_imaging.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

struct intake_image {
  cv::Mat mat;  // CV_8UC1 (grey) or CV_8UC3 (BGR), always; never changed once the image exists
  double dpi_x = 0;
  double dpi_y = 0;
  // The working copies the cleanup analyses share (intake::cleanup::analysis_*): made once per image
  // instead of once per stage, since converting, shrinking and flattening a page cost more than most
  // analyses. Recursive: one analysis is built from another under the same lock.
  mutable std::recursive_mutex view_lock;
  mutable cv::Mat view;
  mutable double view_scale = 0;
  mutable cv::Mat view_ink;
  mutable cv::Rect view_paper;
};

struct intake_source {
  std::vector<uint8_t> bytes;
  intake_format format = INTAKE_FORMAT_UNKNOWN;
  std::vector<intake_page_info> pages;
};

namespace intake {

struct Failure {
  intake_status status;
  std::string message;
};

[[noreturn]] void fail(intake_status status, std::string message);
intake_status set_error(intake_status status, const std::string& message);
intake_status guard_current_exception();

// Runs body, turning any exception into a status and the thread's last error. Nothing escapes.
template <class Body>
intake_status guard(Body&& body) {
  try {
    body();
    return INTAKE_OK;
  } catch (...) {
    return guard_current_exception();
  }
}

intake_image* new_image(cv::Mat mat, double dpi_x, double dpi_y);

// How a page is resampled when turned by an arbitrary angle (cv::InterpolationFlags; image.cpp).
int rotation_interpolation(const cv::Mat& src);

// Reads what the encoded bytes declare (format, size, dpi, pages) and rejects truncated or
// malformed containers, without decoding pixels.
intake_format sniff_format(const uint8_t* data, size_t length);
std::vector<intake_page_info> probe_pages(const uint8_t* data, size_t length, intake_format format);

std::vector<intake_page_info> tiff_probe(const uint8_t* data, size_t length);
cv::Mat tiff_decode(const uint8_t* data, size_t length, int page);

// Writes the dpi into encoded PNG (pHYs) and JPEG (JFIF) bytes, which OpenCV's encoders leave out.
void stamp_dpi(std::vector<uint8_t>& encoded, const std::string& extension, double dpi_x, double dpi_y);

}  // namespace intake
