/* The C ABI of libintake_imaging. Every function returns an intake_status; on failure
 * intake_last_error() gives a message for the calling thread. No function aborts or lets a
 * C++ exception escape. Objects are opaque and freed with their own *_free function. */
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

typedef enum intake_format {
  INTAKE_FORMAT_UNKNOWN = 0,
  INTAKE_FORMAT_PNG = 1,
  INTAKE_FORMAT_JPEG = 2,
  INTAKE_FORMAT_TIFF = 3,
  INTAKE_FORMAT_WEBP = 4,
  INTAKE_FORMAT_BMP = 5
} intake_format;

/* What a page declares in its header, read without decoding any pixel. dpi 0 = not declared. */
typedef struct intake_page_info {
  int32_t format;
  int32_t width;
  int32_t height;
  int32_t page_count;
  double dpi_x;
  double dpi_y;
} intake_page_info;

typedef struct intake_source intake_source; /* an encoded file held in memory, one or more pages */
typedef struct intake_image intake_image;   /* decoded pixels: 8-bit grey or 8-bit BGR, with dpi */

INTAKE_API const char* intake_last_error(void);
INTAKE_API const char* intake_version(void);

/* Sources: the encoded bytes are checked (format, truncation) when opened. */
INTAKE_API intake_status intake_source_open_file(const char* path, intake_source** out);
INTAKE_API intake_status intake_source_open_bytes(const uint8_t* data, size_t length, intake_source** out);
INTAKE_API intake_status intake_source_page_info(const intake_source* source, int32_t page, intake_page_info* out);
/* Refuses a page whose declared width*height exceeds max_pixels before allocating its pixels. */
INTAKE_API intake_status intake_source_decode(const intake_source* source, int32_t page, int64_t max_pixels, intake_image** out);
INTAKE_API void intake_source_free(intake_source* source);

/* Images. */
INTAKE_API intake_status intake_image_info(const intake_image* image, int32_t* width, int32_t* height, int32_t* channels, double* dpi_x, double* dpi_y);
INTAKE_API intake_status intake_image_set_dpi(intake_image* image, double dpi_x, double dpi_y);
/* Direct access to the pixel rows, for handing the buffer to Tesseract without a copy. */
INTAKE_API intake_status intake_image_pixels(const intake_image* image, const uint8_t** data, int32_t* stride);
/* extension: ".png", ".jpg", ".tif", ".webp", ".bmp"; quality 1..100 for JPEG/WebP, ignored otherwise. */
INTAKE_API intake_status intake_image_encode(const intake_image* image, const char* extension, int32_t quality, uint8_t** data, size_t* length);
INTAKE_API void intake_buffer_free(uint8_t* data);
INTAKE_API intake_status intake_image_to_gray(const intake_image* image, intake_image** out);
/* Channel order Tesseract expects: grey stays grey (shared, no copy), BGR becomes RGB. */
INTAKE_API intake_status intake_image_to_rgb(const intake_image* image, intake_image** out);
/* Counter-clockwise by any angle; quarter turns are exact, other angles expand the canvas and fill white. */
INTAKE_API intake_status intake_image_rotate(const intake_image* image, double degrees, intake_image** out);
/* The image scaled by factor (0 < factor <= 8) in both directions, cubic when enlarging, area-averaged
 * when shrinking; its dpi scaled alike. INTAKE_E_TOO_LARGE when the result would exceed 500 megapixels. */
INTAKE_API intake_status intake_image_resize(const intake_image* image, double factor, intake_image** out);
INTAKE_API intake_status intake_image_crop(const intake_image* image, int32_t x, int32_t y, int32_t width, int32_t height, intake_image** out);
/* Wraps caller-owned pixel rows (8-bit grey, channels=1, or BGR, channels=3) in a new image; the rows are copied. */
INTAKE_API intake_status intake_image_from_pixels(const uint8_t* data, int32_t width, int32_t height, int32_t channels, int32_t stride, double dpi_x, double dpi_y, intake_image** out);
/* A second handle on the same pixels (cheap), e.g. to give a copy its own dpi. */
INTAKE_API intake_status intake_image_share(const intake_image* image, intake_image** out);
INTAKE_API void intake_image_free(intake_image* image);

#ifdef __cplusplus
}
#endif
#endif
