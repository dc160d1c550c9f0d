#include "internal.hpp"

#include <new>
#include <stdexcept>

namespace {
thread_local std::string last_error;
}

namespace intake {

void fail(intake_status status, std::string message) { throw Failure{status, std::move(message)}; }

intake_status set_error(intake_status status, const std::string& message) {
  last_error = message;
  return status;
}

intake_status guard_current_exception() {
  try {
    throw;
  } catch (const Failure& f) {
    return set_error(f.status, f.message);
  } catch (const cv::Exception& e) {
    return set_error(INTAKE_E_INTERNAL, std::string("OpenCV: ") + e.what());
  } catch (const std::bad_alloc&) {
    return set_error(INTAKE_E_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return set_error(INTAKE_E_INTERNAL, e.what());
  } catch (...) {
    return set_error(INTAKE_E_INTERNAL, "unknown native error");
  }
}

intake_image* new_image(cv::Mat mat, double dpi_x, double dpi_y) {
  auto* image = new intake_image();
  image->mat = std::move(mat);
  image->dpi_x = dpi_x;
  image->dpi_y = dpi_y;
  return image;
}

}  // namespace intake

extern "C" const char* intake_last_error(void) { return last_error.c_str(); }
