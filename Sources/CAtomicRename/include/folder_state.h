#ifndef KIM_FOLDER_STATE_H
#define KIM_FOLDER_STATE_H
#include <stddef.h>
#include <stdint.h>

/// A 128-bit hash of LENGTH bytes into OUT[0], OUT[1]: two multiply-rotate lanes over
/// 8-byte words. Fast (far below the cost of writing the bytes) and stable from run to
/// run; it only has to tell an unchanged output file from a changed one, it is no
/// protection against someone who crafts collisions.
void kim_content_hash(const unsigned char *data, size_t length, uint64_t out[2]);

/// Kinds of entries that `kim_walk_tree` reports.
enum { KIM_ENTRY_FILE = 0, KIM_ENTRY_FOLDER = 1, KIM_ENTRY_OTHER = 2 };

/// Called once per entry below the walked folder with its path relative to it.
typedef void (*kim_walk_callback)(void *context, const char *relative, int kind, uint64_t inode,
                                  int64_t size, int64_t mtime_seconds, int64_t mtime_nanoseconds);

/// Walks everything below PATH (not following symbolic links), calling CALLBACK for each
/// entry. 0 on success, else -1 with errno (the walk stops at the first error).
int kim_walk_tree(const char *path, kim_walk_callback callback, void *context);
#endif
