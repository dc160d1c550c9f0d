/* Cameras and recordings through OpenCV's videoio: a V4L2 device (/dev/video0), a video file, or an
 * image sequence (a printf pattern such as "frames/frame%03d.png"). Same rules as intake_imaging.h:
 * every function returns an intake_status, intake_last_error() explains a failure, nothing throws.
 * A capture is used from one thread at a time. Frames come back as intake_image (8-bit BGR or grey,
 * dpi 0: a camera does not know how far away the paper is). */
#ifndef INTAKE_CAMERA_H
#define INTAKE_CAMERA_H

#include "intake_imaging.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct intake_capture intake_capture;

typedef enum intake_capture_kind {
  INTAKE_CAPTURE_DEVICE = 1,   /* a live V4L2 camera */
  INTAKE_CAPTURE_RECORDING = 2 /* a video file or an image sequence */
} intake_capture_kind;

/* What the capture reports. frame_count is -1 for a live camera (and for files that do not say);
 * frames_per_second 0 when unknown. backend is OpenCV's name for the driver ("V4L2", "CV_IMAGES"...). */
typedef struct intake_capture_info {
  int32_t kind;
  int32_t width;
  int32_t height;
  double frames_per_second;
  int32_t frame_count;
  char backend[32];
} intake_capture_info;

/* Opens a live camera by device path ("/dev/video0") through V4L2. width/height > 0 ask for that
 * frame size (the camera picks the nearest it offers); 0 keeps the camera's default. INTAKE_E_IO
 * when the node cannot be opened or is not a capture device (metadata nodes, a busy camera). */
INTAKE_API intake_status intake_capture_open_device(const char* device_path, int32_t width, int32_t height, intake_capture** out);
/* Opens a video file or an image-sequence pattern. INTAKE_E_IO when nothing can be read from it. */
INTAKE_API intake_status intake_capture_open_recording(const char* path, intake_capture** out);
INTAKE_API intake_status intake_capture_info_get(const intake_capture* capture, intake_capture_info* out);
/* The next frame, blocking until the camera delivers it. At the end of a recording *out is NULL and
 * the status is INTAKE_OK; a camera that stops delivering is INTAKE_E_IO. */
INTAKE_API intake_status intake_capture_read(intake_capture* capture, intake_image** out);
INTAKE_API void intake_capture_free(intake_capture* capture);

#ifdef __cplusplus
}
#endif
#endif
