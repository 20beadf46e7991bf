package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Files in MariaDB, content-addressed by SHA-256 and cut into 1 MiB chunks: no statement comes
 * near max_allowed_packet, the same file uploaded twice is stored once, and a range request
 * (video seeking) reads only the chunks it covers.
 */
@ApplicationScoped
public class DatabaseFileStore implements FileStore {

    static final int CHUNK = 1024 * 1024;

    @Inject
    EntityManager em;

    @Override
    public String put(String sha256, byte[] bytes) {
        String key = "sha256:" + sha256;
        // A shared lock on the first chunk: a concurrent deleteIfUnreferenced (which locks it
        // exclusively) either finishes first, and we store the bytes again, or waits until this
        // transaction has committed its reference and then sees it.
        Number present = (Number) em.createNativeQuery("SELECT COUNT(*) FROM stored_file_chunk WHERE store_key = ?1 AND seq = 0 LOCK IN SHARE MODE")
                .setParameter(1, key).getSingleResult();
        if (present.intValue() == 0) {
            int chunks = Math.max(1, (bytes.length + CHUNK - 1) / CHUNK);
            for (int seq = 0; seq < chunks; seq++) {
                byte[] part = Arrays.copyOfRange(bytes, seq * CHUNK, Math.min(bytes.length, (seq + 1) * CHUNK));
                em.createNativeQuery("INSERT IGNORE INTO stored_file_chunk (store_key, seq, data) VALUES (?1, ?2, ?3)")
                        .setParameter(1, key).setParameter(2, seq).setParameter(3, part).executeUpdate();
            }
        }
        return key;
    }

    @Override
    public boolean deleteIfUnreferenced(String key) {
        // The first chunk's row lock serialises this with put() of the same content (see there);
        // the reference count is then a locking read, so it sees references committed meanwhile.
        List<?> first = em.createNativeQuery("SELECT seq FROM stored_file_chunk WHERE store_key = ?1 AND seq = 0 FOR UPDATE")
                .setParameter(1, key).getResultList();
        if (first.isEmpty()) {
            return false;
        }
        Number references = (Number) em.createNativeQuery("SELECT COUNT(*) FROM resource_file WHERE store_key = ?1 LOCK IN SHARE MODE")
                .setParameter(1, key).getSingleResult();
        if (references.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM stored_file_chunk WHERE store_key = ?1").setParameter(1, key).executeUpdate();
        return true;
    }

    @Override
    public byte[] read(String key, long offset, int length) {
        if (length == 0) {
            return new byte[0];
        }
        int first = (int) (offset / CHUNK);
        int last = (int) ((offset + length - 1) / CHUNK);
        @SuppressWarnings("unchecked")
        List<byte[]> parts = em.createNativeQuery("SELECT data FROM stored_file_chunk WHERE store_key = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq")
                .setParameter(1, key).setParameter(2, first).setParameter(3, last).getResultList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        int skip = (int) (offset - (long) first * CHUNK);
        return Arrays.copyOfRange(out.toByteArray(), skip, skip + length);
    }
}
