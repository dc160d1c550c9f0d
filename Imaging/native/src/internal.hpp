// Shared by the native sources only: the opaque structs behind the C ABI and the one way errors
// leave it (a Failure thrown inside, caught by guard() at the boundary and turned into a status).
#pragma once

#include "intake_imaging.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>

struct intake_image {
  cv::Mat mat;  // CV_8UC1 (grey) or CV_8UC3 (BGR), always; never changed once the image exists
  double dpi_x = 0;
  double dpi_y = 0;
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

}  // namespace intake
