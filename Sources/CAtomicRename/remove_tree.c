#define _GNU_SOURCE
#include "remove_tree.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/// A build's output is a few levels deep; the bound keeps a pathological folder
/// from exhausting descriptors or the stack.
#define KIM_MAXIMUM_DEPTH 64

static int is_dot_or_dotdot(const char *name) {
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

static int is_folder(int parent, const struct dirent *entry) {
    if (entry->d_type != DT_UNKNOWN) return entry->d_type == DT_DIR;
    struct stat info;
    return fstatat(parent, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode);
}

/// FNV-1a of the name: which thread removes a file depends only on its name, so
/// threads split the work without talking to each other.
static unsigned name_hash(const char *name) {
    unsigned hash = 2166136261u;
    for (; *name; name++) hash = (hash ^ (unsigned char)*name) * 16777619u;
    return hash;
}

/// Relative to descriptors (unlinkat), so no path is built or resolved again per file.
static int remove_below(int parent, const char *name, int depth, unsigned part, unsigned parts, int folders_too) {
    if (depth > KIM_MAXIMUM_DEPTH) { errno = ELOOP; return -1; }
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? 0 : -1;
    DIR *dir = fdopendir(fd);
    if (dir == NULL) { close(fd); return -1; }
    int result = 0;
    struct dirent *entry;
    // Entries removed while reading may or may not be listed again; the others are listed once (POSIX readdir).
    while ((entry = readdir(dir)) != NULL) {
        if (is_dot_or_dotdot(entry->d_name)) continue;
        if (is_folder(fd, entry)) {
            if (remove_below(fd, entry->d_name, depth + 1, part, parts, folders_too) != 0) result = -1;
        } else if (name_hash(entry->d_name) % parts == part) {
            if (unlinkat(fd, entry->d_name, 0) != 0 && errno != ENOENT) result = -1;
        }
    }
    closedir(dir);
    if (result == 0 && folders_too && unlinkat(parent, name, AT_REMOVEDIR) != 0 && errno != ENOENT) result = -1;
    return result;
}

int kim_remove_files(const char *path, unsigned part, unsigned parts) {
    if (parts == 0 || part >= parts) { errno = EINVAL; return -1; }
    return remove_below(AT_FDCWD, path, 0, part, parts, 0);
}

int kim_remove_tree(const char *path) {
    if (unlinkat(AT_FDCWD, path, 0) == 0 || errno == ENOENT) return 0;
    if (errno != EISDIR && errno != EPERM) return -1;
    return remove_below(AT_FDCWD, path, 0, 0, 1, 1);
}
