#ifndef KIM_REMOVE_TREE_H
#define KIM_REMOVE_TREE_H

/// Removes every file below the folder PATH whose name falls into share PART of PARTS
/// (by a hash of the name), and leaves the folders: PARTS threads, one per PART, empty a
/// tree together. Symbolic links are removed, not followed. 0 on success, else -1 with errno.
int kim_remove_files(const char *path, unsigned part, unsigned parts);

/// Removes a file, or a folder with everything below it, like `rm -rf PATH`, without
/// following symbolic links. 0 on success (also when PATH does not exist), else -1 with errno.
int kim_remove_tree(const char *path);
#endif
