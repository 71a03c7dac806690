#ifndef KIM_ATOMIC_RENAME_H
#define KIM_ATOMIC_RENAME_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a
/// reader or a killed process sees either the old or the new folder, never none.
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS/EINVAL where unsupported).
int kim_exchange_paths(const char *first, const char *second);

#endif
