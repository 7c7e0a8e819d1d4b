#include "malloc_settings.h"

// Any libc header defines __GLIBC__ on glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int bookmark_malloc_top_pad(int bytes) { return mallopt(M_TOP_PAD, bytes); }
#else
int bookmark_malloc_top_pad(int bytes) {
    (void)bytes;
    return 0;
}
#endif
