/* What is left of the C ABI of libintake_imaging: images for the zbar QR shim (intake_qr.h), whose
 * reading moves to OpenCvSharp next. Every function returns an intake_status; on failure
 * intake_last_error() gives a message for the calling thread. No C++ exception escapes. */
#ifndef INTAKE_IMAGING_H
#define INTAKE_IMAGING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define INTAKE_API __attribute__((visibility("default")))

typedef enum intake_status {
  INTAKE_OK = 0,
  INTAKE_E_ARGUMENT = 1,   /* a bad argument: null pointer, page out of range, empty crop */
  INTAKE_E_IO = 2,         /* the file could not be read or is empty */
  INTAKE_E_FORMAT = 3,     /* not an image format we read */
  INTAKE_E_CORRUPT = 4,    /* a known format, but truncated or damaged */
  INTAKE_E_TOO_LARGE = 5,  /* the declared size exceeds the caller's pixel limit */
  INTAKE_E_NO_MEMORY = 6,
  INTAKE_E_INTERNAL = 7
} intake_status;

typedef struct intake_image intake_image; /* decoded pixels: 8-bit grey or 8-bit BGR, with dpi */

INTAKE_API const char* intake_last_error(void);
INTAKE_API void intake_buffer_free(uint8_t* data);
/* Wraps caller-owned pixel rows (8-bit grey, channels=1, or BGR, channels=3) in a new image; the rows are copied. */
INTAKE_API intake_status intake_image_from_pixels(const uint8_t* data, int32_t width, int32_t height, int32_t channels, int32_t stride, double dpi_x, double dpi_y, intake_image** out);
INTAKE_API void intake_image_free(intake_image* image);

#ifdef __cplusplus
}
#endif
#endif
