// intake_image_*: what is left of the native images, the copies of a C# image's pixels the zbar QR shim (qr.cpp)
// reads. Every other image operation moved to C# over OpenCvSharp (Intake.Imaging); this file goes with QR's move.
#include "internal.hpp"

#include <cstdlib>

extern "C" void intake_buffer_free(uint8_t* data) { std::free(data); }

extern "C" intake_status intake_image_from_pixels(const uint8_t* data, int32_t width, int32_t height, int32_t channels,
                                                  int32_t stride, double dpi_x, double dpi_y, intake_image** out) {
  return intake::guard([&] {
    if (!data || !out || width <= 0 || height <= 0 || (channels != 1 && channels != 3) || stride < width * channels)
      intake::fail(INTAKE_E_ARGUMENT, "bad pixel buffer description");
    const cv::Mat view(height, width, CV_8UC(channels), const_cast<uint8_t*>(data), size_t(stride));
    *out = intake::new_image(view.clone(), dpi_x, dpi_y);
  });
}

extern "C" void intake_image_free(intake_image* image) { delete image; }
