#ifndef BOOKMARK_MALLOC_SETTINGS_H
#define BOOKMARK_MALLOC_SETTINGS_H

/// glibc's mallopt(M_TOP_PAD): how much more than asked the heaps take from the kernel at a
/// time, and keep at their top. Returns 1 when glibc took it (always 0 elsewhere).
int bookmark_malloc_top_pad(int bytes);

#endif
