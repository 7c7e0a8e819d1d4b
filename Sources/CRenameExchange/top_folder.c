// The Orlov allocator's "top folder" flag (chattr +T), for a tree written from nothing.
// ioctl is variadic, which Swift cannot call, hence this file.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "top_folder.h"

#if defined(__linux__)
#include <sys/ioctl.h>
#include <linux/fs.h>
#endif

int bookmark_mark_top_folder(const char *path) {
#if defined(__linux__) && defined(FS_IOC_GETFLAGS) && defined(FS_TOPDIR_FL)
    int descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (descriptor < 0) return -1;
    int flags = 0;
    int result = ioctl(descriptor, FS_IOC_GETFLAGS, &flags);
    if (result == 0 && !(flags & FS_TOPDIR_FL)) {
        flags |= FS_TOPDIR_FL;
        result = ioctl(descriptor, FS_IOC_SETFLAGS, &flags);
    }
    int saved = errno;
    close(descriptor);
    errno = saved;
    return result;
#else
    (void)path;
    errno = ENOTSUP;
    return -1;
#endif
}
