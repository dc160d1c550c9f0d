/* QR codes on top of libintake_imaging (ISO/IEC 18004): OpenCV prepares the image, zbar decodes (Debian's
 * OpenCV 4.6 is built without quirc, so its QRCodeDetector finds codes but cannot decode them). Same rules as
 * intake_imaging.h: every function returns an intake_status, intake_last_error() explains a
 * failure, nothing throws. Not finding a code is not an error: *found is 0. */
#ifndef INTAKE_QR_H
#define INTAKE_QR_H

#include "intake_imaging.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Finds and decodes one QR code. Tries the grey image, then an upscaled copy (small codes), then
 * binarised copies (noise, JPEG, uneven light), stopping at the first that decodes.
 * On success *found is 1, *text is the payload bytes as encoded (UTF-8 for a CCCD), NUL-terminated,
 * *length bytes long, to be freed with intake_buffer_free; corners holds the code's four corners
 * as x,y pairs in the image's pixels; *orientation is how far the code is turned clockwise on
 * screen from upright, in degrees (0, 90, 180, 270; -1 unknown); *attempt says which try decoded it
 * (1 grey, 2 upscaled, 3 Otsu, 4 adaptive). */
INTAKE_API intake_status intake_qr_decode(const intake_image* image, int32_t* found, uint8_t** text, size_t* length,
                                          double corners[8], int32_t* orientation, int32_t* attempt);

#ifdef __cplusplus
}
#endif
#endif
