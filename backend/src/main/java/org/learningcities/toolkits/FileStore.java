package org.learningcities.toolkits;

/**
 * Where the bytes of uploaded files live. The platform ships {@link DatabaseFileStore} (the
 * bytes in MariaDB, backed up and replicated with everything else); beyond one machine an
 * S3-compatible object store would implement this interface instead (see the README).
 */
public interface FileStore {

    /** Stores the bytes (in the caller's transaction where the store is transactional) and returns their key. */
    String put(String sha256, byte[] bytes);

    /** {@code length} bytes from {@code offset}; the caller keeps them within the file. */
    byte[] read(String key, long offset, int length);

    /**
     * Deletes the bytes under {@code key} unless a resource file still refers to them: the store
     * keeps one copy per content, so two files with the same bytes share it. Called, in a
     * transaction of its own, after the transaction that dropped a reference has committed.
     *
     * @return whether the bytes were deleted
     */
    boolean deleteIfUnreferenced(String key);
}
