/* Page cleanup on top of libintake_imaging: skew, OCR copy, borders, blank pages, dpi, documents
 * on the glass, page quads in camera photos and capture quality. Same rules as intake_imaging.h:
 * every function returns an intake_status, intake_last_error() explains a failure, nothing throws.
 *
 * Angles are degrees, counter-clockwise positive as seen on screen (image y axis pointing down),
 * which is the convention of intake_image_rotate. */
#ifndef INTAKE_CLEANUP_H
#define INTAKE_CLEANUP_H

#include "intake_imaging.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct intake_rect {
  int32_t x;
  int32_t y;
  int32_t width;
  int32_t height;
} intake_rect;

/* A rectangle turned about its centre. width x height is the size of the upright document
 * (width >= height for a card, width <= height for a page); angle is how far that upright
 * document has been turned counter-clockwise to lie as it does in the image, in (-90, 90]. */
typedef struct intake_rotated_rect {
  double center_x;
  double center_y;
  double width;
  double height;
  double angle;
} intake_rotated_rect;

typedef enum intake_document_kind {
  INTAKE_DOCUMENT_CARD = 1, /* about ID-1 size (85.6 x 54 mm): citizen ID, driving licence */
  INTAKE_DOCUMENT_PAGE = 2  /* anything larger: a page, a passport spread, a certificate */
} intake_document_kind;

typedef struct intake_document_region {
  intake_rotated_rect region;
  intake_rect bounds; /* axis-aligned, clipped to the image */
  int32_t kind;       /* intake_document_kind */
  double confidence;  /* 0..1: how rectangular and well separated from the background it is */
} intake_document_region;

/* The skew of a text page: rotating the page counter-clockwise by *angle degrees
 * (intake_image_rotate(image, *angle)) makes its text lines horizontal or vertical; the quarter turn
 * left over is orientation's business. Every line direction is searched; |*angle| <= 45. A page found
 * straight to within 0.05 degrees reports exactly 0. *confidence is 0..1: 0 when no text lines were
 * found (the angle is 0 and means nothing) or when the skew lies within 1 degree of max_degrees (at most
 * 45) or beyond it, so that no turn inside the range asked for would straighten the page. */
INTAKE_API intake_status intake_deskew_angle(const intake_image* image, double max_degrees, double* angle, double* confidence);

/* A copy for the OCR engine only: background flattened (shadows, yellowed paper), light noise
 * removed, binarised with a local (Sauvola) threshold. 8-bit grey holding 0 or 255, same size and dpi. */
INTAKE_API intake_status intake_clean_for_ocr(const intake_image* image, intake_image** out);

/* The paper inside dark scanner borders and edge shadows; the whole image when there are none. */
INTAKE_API intake_status intake_content_bounds(const intake_image* image, intake_rect* out);

/* The smallest rectangle holding every mark on the page that is larger than a speck of dust, grown
 * by margin pixels on each side and clipped to the image; the whole image when there is no ink. */
INTAKE_API intake_status intake_ink_bounds(const intake_image* image, int32_t margin, intake_rect* out);

/* How much ink a page carries, 0 (blank) .. 1 (full of ink). A typed page scores above 0.5; a blank
 * page with dust and show-through below 0.05. */
INTAKE_API intake_status intake_blank_score(const intake_image* image, double* score);

/* The x-height of the page's text in pixels: *body, the most common (body text), and *smallest, that of
 * its smallest print with enough glyphs to tell (equal to *body when all text is one size); both 0 when
 * *glyphs (the letter-like marks counted) are too few to tell. For the OCR copy's reading resolution. */
INTAKE_API intake_status intake_text_x_heights(const intake_image* image, double* body, double* smallest, int32_t* glyphs);

/* For the OCR copy only: 8-bit grey of the page in which every dark filled bar holding light marks
 * (white text on a dark title bar) is inverted to dark on light; *bars is how many were found (0: the
 * page in grey, unchanged). Same size and dpi. */
INTAKE_API intake_status intake_invert_dark_bars(const intake_image* image, intake_image** out, int32_t* bars);

/* The page turned counter-clockwise by degrees (as intake_image_rotate), cut to its ink plus margin
 * pixels on each side instead of the whole widened canvas; the whole canvas when there is no ink. */
INTAKE_API intake_status intake_rotate_to_ink(const intake_image* image, double degrees, int32_t margin, intake_image** out);

/* Cheap cues to a straightened page's quarter turn (see orientation_cues.cpp). line_ratio: how much
 * peakier the ink's row profile is than its column profile (text lines across: well above 1; lying on
 * the side: well below 1). up_confidence (when line_ratio >= 1): Leptonica's ascender/descender
 * confidence, positive for upright text, negative for upside down; left_confidence (when line_ratio < 1)
 * the same after a clockwise quarter turn. A confidence of 0 means too few letters to count. */
typedef struct intake_orientation_cues_t {
  double line_ratio;
  double up_confidence;
  double left_confidence;
} intake_orientation_cues_t;

INTAKE_API intake_status intake_orientation_cues(const intake_image* image, intake_orientation_cues_t* out);

/* The resolution the page was scanned at, guessed from its text size (body text assumed 10-12 pt).
 * *dpi is 0 when the page has too little text to tell. The declared dpi is ignored. */
INTAKE_API intake_status intake_estimate_dpi(const intake_image* image, double* dpi);

/* Documents lying on a flatbed scan (light background), largest first. Writes up to max_docs
 * regions and sets *count to the number written. */
INTAKE_API intake_status intake_find_documents(const intake_image* image, int32_t max_docs, intake_document_region* regions,
                                               int32_t* count);
/* Cuts region->region out upright (width x height pixels); the result keeps the image's dpi. */
INTAKE_API intake_status intake_extract_document(const intake_image* image, const intake_document_region* region,
                                                 intake_image** out);

/* The four corners of the page in a camera photo, as x,y pairs: top-left, top-right, bottom-right,
 * bottom-left. *confidence 0..1; with 0 the corners are the image's own. */
INTAKE_API intake_status intake_find_page_quad(const intake_image* image, double corners[8], double* confidence);
/* Warps the quad (same corner order) to a flat upright rectangle. */
INTAKE_API intake_status intake_warp_quad(const intake_image* image, const double corners[8], intake_image** out);

/* Focus: 0 (blurred) .. 1 (sharp), independent of contrast and image size. */
INTAKE_API intake_status intake_sharpness(const intake_image* image, double* score);
/* The share of the image that is clipped white in blobs (specular glare), 0..1. Meant for camera
 * frames: a scanner's paper white may legitimately be clipped. */
INTAKE_API intake_status intake_glare_fraction(const intake_image* image, double* fraction);

#ifdef __cplusplus
}
#endif
#endif
