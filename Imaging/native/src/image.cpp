// intake_image_*: pixel operations on decoded pages. Images are immutable from the caller's side:
// every operation returns a new image (sharing pixels where nothing changes).
#include "internal.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace {

const intake_image& checked(const intake_image* image) {
  if (!image) intake::fail(INTAKE_E_ARGUMENT, "null image");
  return *image;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-9; }

cv::Mat rotate(const cv::Mat& src, double degrees) {
  double a = std::fmod(degrees, 360.0);
  if (a <= -180.0) a += 360.0;
  if (a > 180.0) a -= 360.0;
  cv::Mat dst;
  if (near(a, 0)) return src;
  if (near(a, 90)) { cv::rotate(src, dst, cv::ROTATE_90_COUNTERCLOCKWISE); return dst; }
  if (near(a, -90)) { cv::rotate(src, dst, cv::ROTATE_90_CLOCKWISE); return dst; }
  if (near(a, 180)) { cv::rotate(src, dst, cv::ROTATE_180); return dst; }
  // Expand the canvas so no corner of the page is cut off, and fill the new area with white paper.
  const cv::Point2f centre(float(src.cols) / 2.0f, float(src.rows) / 2.0f);
  cv::Mat m = cv::getRotationMatrix2D(centre, a, 1.0);
  const cv::Rect2f box = cv::RotatedRect(cv::Point2f(), src.size(), float(a)).boundingRect2f();
  m.at<double>(0, 2) += box.width / 2.0 - centre.x;
  m.at<double>(1, 2) += box.height / 2.0 - centre.y;
  cv::warpAffine(src, dst, m, cv::Size(int(std::lround(box.width)), int(std::lround(box.height))), intake::rotation_interpolation(src),
                 cv::BORDER_CONSTANT, cv::Scalar::all(255));
  return dst;
}

}  // namespace

namespace intake {

// Cubic keeps small glyphs crisp (a card's print, an MRZ band); on a whole page at scanning resolution
// linear reads the same and costs a third of the time (0.25 s instead of 0.7 s for an A4 colour page).
int rotation_interpolation(const cv::Mat& src) {
  constexpr size_t kLinearFromPixels = 4'000'000;
  return src.total() >= kLinearFromPixels ? cv::INTER_LINEAR : cv::INTER_CUBIC;
}

}  // namespace intake

extern "C" intake_status intake_image_info(const intake_image* image, int32_t* width, int32_t* height, int32_t* channels,
                                           double* dpi_x, double* dpi_y) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (width) *width = img.mat.cols;
    if (height) *height = img.mat.rows;
    if (channels) *channels = img.mat.channels();
    if (dpi_x) *dpi_x = img.dpi_x;
    if (dpi_y) *dpi_y = img.dpi_y;
  });
}

extern "C" intake_status intake_image_set_dpi(intake_image* image, double dpi_x, double dpi_y) {
  return intake::guard([&] {
    if (!image) intake::fail(INTAKE_E_ARGUMENT, "null image");
    if (!(dpi_x >= 0) || !(dpi_y >= 0)) intake::fail(INTAKE_E_ARGUMENT, "dpi must be positive");
    image->dpi_x = dpi_x;
    image->dpi_y = dpi_y;
  });
}

extern "C" intake_status intake_image_pixels(const intake_image* image, const uint8_t** data, int32_t* stride) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!data || !stride) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *data = img.mat.data;
    *stride = int32_t(img.mat.step[0]);
  });
}

extern "C" intake_status intake_image_encode(const intake_image* image, const char* extension, int32_t quality, uint8_t** data,
                                             size_t* length) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!extension || !data || !length) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    const std::string ext(extension);
    std::vector<int> params;
    if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, quality};
    else if (ext == ".webp") params = {cv::IMWRITE_WEBP_QUALITY, quality};
    else if (ext == ".tif" || ext == ".tiff")
      params = {cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, int(std::lround(img.dpi_x)), cv::IMWRITE_TIFF_YDPI,
                int(std::lround(img.dpi_y))};
    else if (ext != ".png" && ext != ".bmp") intake::fail(INTAKE_E_ARGUMENT, "unsupported encoding: " + ext);
    std::vector<uint8_t> encoded;
    if (!cv::imencode(ext, img.mat, encoded, params)) intake::fail(INTAKE_E_INTERNAL, "encoding failed");
    intake::stamp_dpi(encoded, ext, img.dpi_x, img.dpi_y);
    auto* buffer = static_cast<uint8_t*>(std::malloc(encoded.size()));
    if (!buffer) intake::fail(INTAKE_E_NO_MEMORY, "out of memory");
    std::memcpy(buffer, encoded.data(), encoded.size());
    *data = buffer;
    *length = encoded.size();
  });
}

extern "C" void intake_buffer_free(uint8_t* data) { std::free(data); }

extern "C" intake_status intake_image_to_gray(const intake_image* image, intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat grey;
    if (img.mat.channels() == 1) grey = img.mat;
    else cv::cvtColor(img.mat, grey, cv::COLOR_BGR2GRAY);
    *out = intake::new_image(grey, img.dpi_x, img.dpi_y);
  });
}

extern "C" intake_status intake_image_to_rgb(const intake_image* image, intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    cv::Mat rgb;
    if (img.mat.channels() == 1) rgb = img.mat;
    else cv::cvtColor(img.mat, rgb, cv::COLOR_BGR2RGB);
    *out = intake::new_image(rgb, img.dpi_x, img.dpi_y);
  });
}

extern "C" intake_status intake_image_rotate(const intake_image* image, double degrees, intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out || !std::isfinite(degrees)) intake::fail(INTAKE_E_ARGUMENT, "bad argument");
    *out = intake::new_image(rotate(img.mat, degrees), img.dpi_x, img.dpi_y);
  });
}

extern "C" intake_status intake_image_resize(const intake_image* image, double factor, intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out || !std::isfinite(factor) || factor <= 0 || factor > 8) intake::fail(INTAKE_E_ARGUMENT, "the factor must be above 0 and at most 8");
    const int width = std::max(1, int(std::lround(img.mat.cols * factor)));
    const int height = std::max(1, int(std::lround(img.mat.rows * factor)));
    if (double(width) * height > 500e6) intake::fail(INTAKE_E_TOO_LARGE, "the scaled image would exceed 500 megapixels");
    cv::Mat dst;
    cv::resize(img.mat, dst, cv::Size(width, height), 0, 0, factor > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    *out = intake::new_image(std::move(dst), img.dpi_x * factor, img.dpi_y * factor);
  });
}

extern "C" intake_status intake_image_crop(const intake_image* image, int32_t x, int32_t y, int32_t width, int32_t height,
                                           intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    const cv::Rect rect(x, y, width, height);
    if (width <= 0 || height <= 0 || (rect & cv::Rect(0, 0, img.mat.cols, img.mat.rows)) != rect)
      intake::fail(INTAKE_E_ARGUMENT, "the crop rectangle is empty or outside the image");
    *out = intake::new_image(img.mat(rect).clone(), img.dpi_x, img.dpi_y);
  });
}

extern "C" intake_status intake_image_from_pixels(const uint8_t* data, int32_t width, int32_t height, int32_t channels,
                                                  int32_t stride, double dpi_x, double dpi_y, intake_image** out) {
  return intake::guard([&] {
    if (!data || !out || width <= 0 || height <= 0 || (channels != 1 && channels != 3) || stride < width * channels)
      intake::fail(INTAKE_E_ARGUMENT, "bad pixel buffer description");
    const cv::Mat view(height, width, CV_8UC(channels), const_cast<uint8_t*>(data), size_t(stride));
    *out = intake::new_image(view.clone(), dpi_x, dpi_y);
  });
}

extern "C" intake_status intake_image_share(const intake_image* image, intake_image** out) {
  return intake::guard([&] {
    const auto& img = checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *out = intake::new_image(img.mat, img.dpi_x, img.dpi_y);
  });
}

extern "C" void intake_image_free(intake_image* image) { delete image; }
