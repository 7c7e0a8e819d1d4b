#ifndef BOOKMARK_TOP_FOLDER_H
#define BOOKMARK_TOP_FOLDER_H

/// Marks the folder at `path` as the top of a folder tree for ext2/3/4's Orlov allocator
/// (`chattr +T`): each folder made directly in it is placed in a block group with few folders
/// and many free inodes, and what is made in that folder follows it there. Returns 0 on
/// success, -1 with errno set otherwise (ENOTTY or EOPNOTSUPP on file systems without the flag).
int bookmark_mark_top_folder(const char *path);

#endif
