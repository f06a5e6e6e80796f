// How the C allocator keeps freed memory, set once at start-up by the command-line tool.
#ifndef CMALLOCSHIM_H
#define CMALLOCSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Blocks of `bytes` or more are mapped on their own and returned to the system when freed
/// (glibc's M_MMAP_THRESHOLD, which otherwise rises as such blocks are freed). Returns 1 when
/// set, 0 when the C library has no such setting.
int32_t kn_release_blocks_from(int32_t bytes);

#ifdef __cplusplus
}
#endif

#endif
