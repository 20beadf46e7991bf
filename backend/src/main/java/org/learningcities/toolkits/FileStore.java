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
}
