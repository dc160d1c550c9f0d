// intake_orientation_cues: two cheap signals of a straightened page's quarter turn, so that the
// costly orientation-and-script detection (Tesseract OSD) is only asked about pages they leave open.
//  - line direction: text lines make the row profile of the ink far peakier (lines and leading) than
//    the column profile; a page lying on its side shows the opposite.
//  - up or down: Latin letters with ascenders (b d h k l t, capitals, and in Vietnamese the tone
//    marks above) outnumber those with descenders. Leptonica's ascender/descender count
//    (pixUpDownDetect, Bloomberg et al., SPIE 1995) turns that into a signed confidence.
#include "cleanup_internal.hpp"

#include <leptonica/allheaders.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <memory>

namespace {

// Leptonica's detector is tuned for 150-300 ppi; at 200 its signal on our pages was twice as strong
// as at 150 (the shared analysis view's usual resolution), where some upright pages fell below 8.
constexpr double kWorkingDpi = 200;
constexpr double kUnknownDpi = 300;
// On a flattened page paper is ~255 and ink well below; a mid-grey cut keeps strokes thin, which the
// ascender patterns need (Otsu, capped for blank pages as ink_mask does, made letters bold enough to
// flip the sign on some deskewed pages).
constexpr double kInkBelow = 128;

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// n * sum(v^2) / sum(v)^2: 1 for an even profile, larger the more it alternates between full and empty.
double peakiness(const cv::Mat& profile) {
  double sum = 0, squares = 0;
  for (int i = 0; i < int(profile.total()); ++i) {
    const double v = profile.at<int>(i);
    sum += v;
    squares += v * v;
  }
  return sum > 0 ? double(profile.total()) * squares / (sum * sum) : 0;
}

// The ink mask as a Leptonica 1-bpp image (1 = ink).
PixPtr to_pix(const cv::Mat& ink) {
  PixPtr pix(pixCreate(ink.cols, ink.rows, 1));
  if (!pix) intake::fail(INTAKE_E_NO_MEMORY, "out of memory for the orientation cues");
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int r = 0; r < ink.rows; ++r) {
    const uint8_t* row = ink.ptr<uint8_t>(r);
    l_uint32* line = data + size_t(r) * size_t(wpl);
    for (int c = 0; c < ink.cols; ++c)
      if (row[c]) SET_DATA_BIT(line, c);
  }
  return pix;
}

float up_down(PIX* pix) {
  l_float32 conf = 0;
  // mincount 0 and npixels 0: Leptonica's defaults (70 counted letters at least; no trimming).
  if (pixUpDownDetect(pix, &conf, 0, 0, 0) != 0) return 0;
  return conf;
}

}  // namespace

extern "C" intake_status intake_orientation_cues(const intake_image* image, intake_orientation_cues_t* out) {
  return intake::guard([&] {
    const auto& img = intake::cleanup::checked(image);
    if (!out) intake::fail(INTAKE_E_ARGUMENT, "null argument");
    *out = intake_orientation_cues_t{};
    const double dpi = img.dpi_y > 0 ? img.dpi_y : kUnknownDpi;
    const cv::Mat grey = intake::cleanup::grey_of(img.mat);
    // Linear rather than area averaging: a third of the time, and the count of letter shapes held
    // (a 300 dpi page is only shrunk by 1.5).
    cv::Mat work = grey;
    const double factor = std::min(1.0, kWorkingDpi / dpi);
    if (factor < 1.0) cv::resize(grey, work, cv::Size(), factor, factor, cv::INTER_LINEAR);
    cv::Mat ink;
    cv::threshold(intake::cleanup::flatten_background(work), ink, kInkBelow, 255, cv::THRESH_BINARY_INV);

    cv::Mat rows, cols;
    // Peakiness does not change with the scale of the counts, so the 0/255 mask is summed as it is.
    cv::reduce(ink, rows, 1, cv::REDUCE_SUM, CV_32S);
    cv::reduce(ink, cols, 0, cv::REDUCE_SUM, CV_32S);
    const double across = peakiness(rows), down = peakiness(cols);
    out->line_ratio = down > 0 ? across / down : 0;

    setMsgSeverity(L_SEVERITY_NONE);
    PixPtr pix = to_pix(ink);
    // Only the direction the lines run in is worth counting: across them the count is noise.
    if (out->line_ratio >= 1.0) {
      out->up_confidence = up_down(pix.get());
    } else {
      PixPtr turned(pixRotate90(pix.get(), 1));
      if (!turned) intake::fail(INTAKE_E_NO_MEMORY, "out of memory for the orientation cues");
      out->left_confidence = up_down(turned.get());
    }
  });
}
