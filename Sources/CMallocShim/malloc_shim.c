#include "CMallocShim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int32_t kn_release_blocks_from(int32_t bytes) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, bytes) == 1 ? 1 : 0;
#else
    (void)bytes;
    return 0;
#endif
}
