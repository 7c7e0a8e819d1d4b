#ifndef BOOKMARK_RENAME_EXCHANGE_H
#define BOOKMARK_RENAME_EXCHANGE_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 with
/// RENAME_EXCHANGE). Returns 0 on success, -1 with errno set otherwise.
int bookmark_rename_exchange(const char *first, const char *second);

#endif
