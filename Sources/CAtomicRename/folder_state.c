#define _GNU_SOURCE
#include "folder_state.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static inline uint64_t rotate(uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

static inline uint64_t finish(uint64_t value) {
    // splitmix64's finaliser: every input bit reaches every output bit.
    value ^= value >> 30; value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27; value *= 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

void kim_content_hash(const unsigned char *data, size_t length, uint64_t out[2]) {
    uint64_t first = 0x9e3779b97f4a7c15ULL, second = 0xc2b2ae3d27d4eb4fULL;
    size_t offset = 0;
    for (; offset + 8 <= length; offset += 8) {
        uint64_t word;
        memcpy(&word, data + offset, 8);
        first = rotate(first ^ word, 29) * 0xff51afd7ed558ccdULL;
        second = rotate(second + word, 31) * 0xc4ceb9fe1a85ec53ULL;
    }
    uint64_t rest = 0;
    if (offset < length) memcpy(&rest, data + offset, length - offset);
    first = rotate(first ^ rest, 29) * 0xff51afd7ed558ccdULL;
    second = rotate(second + rest, 31) * 0xc4ceb9fe1a85ec53ULL;
    out[0] = finish(first ^ (uint64_t)length);
    out[1] = finish(second ^ first ^ rotate((uint64_t)length, 32));
}

static int walk(int folder, char *relative, size_t used, kim_walk_callback callback, void *context) {
    DIR *stream = fdopendir(folder);
    if (!stream) { close(folder); return -1; }
    int result = 0;
    struct dirent *entry;
    errno = 0;
    while ((entry = readdir(stream)) != NULL) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        size_t length = strlen(name);
        if (used + length + 2 >= PATH_MAX) { errno = ENAMETOOLONG; result = -1; break; }
        size_t start = used;
        if (used > 0) relative[start++] = '/';
        memcpy(relative + start, name, length + 1);
        struct stat state;
        if (fstatat(dirfd(stream), name, &state, AT_SYMLINK_NOFOLLOW) != 0) { result = -1; break; }
        int kind = S_ISREG(state.st_mode) ? KIM_ENTRY_FILE : S_ISDIR(state.st_mode) ? KIM_ENTRY_FOLDER : KIM_ENTRY_OTHER;
        callback(context, relative, kind, (uint64_t)state.st_ino, (int64_t)state.st_size,
                 (int64_t)state.st_mtim.tv_sec, (int64_t)state.st_mtim.tv_nsec);
        if (kind == KIM_ENTRY_FOLDER) {
            int child = openat(dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0 || walk(child, relative, start + length, callback, context) != 0) { result = -1; break; }
        }
        relative[used] = '\0';
        errno = 0;
    }
    if (result == 0 && errno != 0) result = -1;
    int saved = errno;
    closedir(stream);
    errno = saved;
    return result;
}

int kim_walk_tree(const char *path, kim_walk_callback callback, void *context) {
    int folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder < 0) return -1;
    char relative[PATH_MAX];
    relative[0] = '\0';
    return walk(folder, relative, 0, callback, context);
}
