// Makes SANE backend threads cancellable only at cancellation points.
//
// SANE's sanei_thread (compiled into many backends, the "test" backend among them) starts every reader
// thread with PTHREAD_CANCEL_ASYNCHRONOUS, and the backend stops it with pthread_cancel: in sane_cancel,
// and in sane_read as soon as the last byte of a page has been read. POSIX allows only three functions
// under asynchronous cancellation; malloc and free are not among them. A reader cancelled inside malloc
// (just after sane_start) or free (releasing its buffer after its last write) leaves glibc's arena lock
// held for ever: the dying thread then blocks on that lock during its own exit, and the scanning thread
// blocks in pthread_join. That hung the Scanner test host in CI; docs/architecture.md ("Scanning
// threads") has the stack.
//
// Preloaded (LD_PRELOAD, set by ./intake and the systemd unit), this pthread_setcanceltype comes before
// libc's in every lookup. It turns ASYNCHRONOUS into DEFERRED for callers inside a SANE library only;
// every other caller gets libc's behaviour unchanged. A deferred reader still stops promptly: it spends
// its time in write(), read(), usleep() or poll(), all cancellation points, and the backend closes the
// pipe it writes to before cancelling it.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

typedef int (*setcanceltype_fn)(int, int*);

static int inside_sane_library(const void* code_address)
{
    Dl_info info;
    if (!dladdr(code_address, &info) || info.dli_fname == NULL) return 0;
    const char* file = strrchr(info.dli_fname, '/');
    file = file ? file + 1 : info.dli_fname;
    return strncmp(file, "libsane", 7) == 0;
}

EXPORT int pthread_setcanceltype(int type, int* oldtype)
{
    // Looked up on every call: a backend calls this once per reader thread, and no cache means no race.
    setcanceltype_fn libc_setcanceltype = (setcanceltype_fn)dlsym(RTLD_NEXT, "pthread_setcanceltype");
    if (type == PTHREAD_CANCEL_ASYNCHRONOUS && inside_sane_library(__builtin_return_address(0)))
        type = PTHREAD_CANCEL_DEFERRED;
    return libc_setcanceltype(type, oldtype);
}

// Found by managed code (NativeLibrary.TryGetExport on the main program) when the guard is preloaded.
EXPORT int intake_sane_threads_deferred(void)
{
    return 1;
}
