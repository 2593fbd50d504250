#ifndef CROUNDOFF_CONTEXT_H
#define CROUNDOFF_CONTEXT_H

#include <stdint.h>

/// Per-thread rounding context. Swift has no thread-local storage class, and
/// a pthread key costs a call per access; a C `_Thread_local` read through a
/// `static inline` accessor compiles to one segment-relative load.
typedef struct roundoff_context {
    /// Bytes of the Swift `FloatFormat` chosen at run time (a plain value).
    uint64_t format[8];
    /// Bytes of the Swift `FormatConstants` of that format.
    uint64_t constants[16];
    /// Bytes of the Swift `RoundingKernel` chosen at run time.
    uint64_t kernel[32];
    /// Bytes of the Swift `AnyModeStep` of that kernel.
    uint64_t any_mode[16];
    /// Key and next counter of the current stochastic stream.
    uint64_t stream_key;
    uint64_t stream_counter;
    /// Unretained pointer to the Swift event recorder, or NULL when counting is off.
    void *events;
    /// Nonzero once a run-time kernel has been installed on this thread.
    uint32_t has_kernel;
    uint32_t reserved;
} roundoff_context;

extern _Thread_local roundoff_context roundoff_context_storage;

static inline roundoff_context *roundoff_current_context(void) {
    return &roundoff_context_storage;
}

#endif
