// intake_capture_*: OpenCV's VideoCapture behind the C ABI, for the kiosk camera and for recordings
// of it (the tests' synthetic videos, a technician's saved session).
#include "intake_camera.h"
#include "internal.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

struct intake_capture {
  cv::VideoCapture video;
  intake_capture_kind kind = INTAKE_CAPTURE_RECORDING;
  // Backends may hand back their own buffer, overwritten by the next read: frames are copied out of it.
  cv::Mat buffer;
};

namespace {

intake_capture& checked(intake_capture* capture) {
  if (!capture) intake::fail(INTAKE_E_ARGUMENT, "null capture");
  return *capture;
}

// Our images are 8-bit grey or 8-bit BGR, whatever the camera or the file delivered.
cv::Mat to_intake_pixels(const cv::Mat& frame) {
  cv::Mat eight;
  if (frame.depth() == CV_8U) eight = frame;
  else if (frame.depth() == CV_16U) frame.convertTo(eight, CV_8U, 1.0 / 257.0);
  else intake::fail(INTAKE_E_FORMAT, "unsupported frame depth " + std::to_string(frame.depth()));
  cv::Mat out;
  switch (eight.channels()) {
    case 1:
    case 3: out = eight.clone(); break;
    case 4: cv::cvtColor(eight, out, cv::COLOR_BGRA2BGR); break;
    default: intake::fail(INTAKE_E_FORMAT, "unsupported frame with " + std::to_string(eight.channels()) + " channels");
  }
  return out;
}

intake_capture* finish_open(std::unique_ptr<intake_capture> capture, const std::string& what) {
  if (!capture->video.isOpened()) intake::fail(INTAKE_E_IO, "cannot open " + what);
  return capture.release();
}

}  // namespace

extern "C" intake_status intake_capture_open_device(const char* device_path, int32_t width, int32_t height, intake_capture** out) {
  return intake::guard([&] {
    if (!device_path || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    if (width < 0 || height < 0) intake::fail(INTAKE_E_ARGUMENT, "negative frame size");
    *out = nullptr;
    auto capture = std::make_unique<intake_capture>();
    capture->kind = INTAKE_CAPTURE_DEVICE;
    // V4L2 only: with CAP_ANY a path under /dev could be handed to FFmpeg or GStreamer, which would
    // treat the node as a file and block.
    capture->video.open(device_path, cv::CAP_V4L2);
    if (capture->video.isOpened() && width > 0 && height > 0) {
      capture->video.set(cv::CAP_PROP_FRAME_WIDTH, width);
      capture->video.set(cv::CAP_PROP_FRAME_HEIGHT, height);
    }
    *out = finish_open(std::move(capture), std::string("camera ") + device_path);
  });
}

extern "C" intake_status intake_capture_open_recording(const char* path, intake_capture** out) {
  return intake::guard([&] {
    if (!path || !out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *out = nullptr;
    auto capture = std::make_unique<intake_capture>();
    capture->kind = INTAKE_CAPTURE_RECORDING;
    // A printf pattern is an image sequence; asking for that backend by name keeps FFmpeg from
    // trying (and logging) first.
    const bool sequence = std::strchr(path, '%') != nullptr;
    capture->video.open(path, sequence ? cv::CAP_IMAGES : cv::CAP_ANY);
    *out = finish_open(std::move(capture), std::string("recording ") + path);
  });
}

extern "C" intake_status intake_capture_info_get(const intake_capture* capture, intake_capture_info* out) {
  return intake::guard([&] {
    auto& c = checked(const_cast<intake_capture*>(capture));
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *out = intake_capture_info{};
    out->kind = c.kind;
    out->width = int32_t(c.video.get(cv::CAP_PROP_FRAME_WIDTH));
    out->height = int32_t(c.video.get(cv::CAP_PROP_FRAME_HEIGHT));
    const double fps = c.video.get(cv::CAP_PROP_FPS);
    out->frames_per_second = fps > 0 && fps < 1000 ? fps : 0;
    const double count = c.video.get(cv::CAP_PROP_FRAME_COUNT);
    out->frame_count = c.kind == INTAKE_CAPTURE_DEVICE || !(count > 0) ? -1 : int32_t(count);
    const std::string backend = c.video.getBackendName();
    std::strncpy(out->backend, backend.c_str(), sizeof(out->backend) - 1);
  });
}

extern "C" intake_status intake_capture_read(intake_capture* capture, intake_image** out) {
  return intake::guard([&] {
    auto& c = checked(capture);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *out = nullptr;
    if (!c.video.read(c.buffer) || c.buffer.empty()) {
      if (c.kind == INTAKE_CAPTURE_DEVICE) intake::fail(INTAKE_E_IO, "the camera delivered no frame");
      return;  // the end of the recording
    }
    *out = intake::new_image(to_intake_pixels(c.buffer), 0, 0);
  });
}

extern "C" void intake_capture_free(intake_capture* capture) {
  if (!capture) return;
  try {
    capture->video.release();
  } catch (...) {
    // Closing a camera that vanished can throw inside the backend; the memory is freed regardless.
  }
  delete capture;
}
