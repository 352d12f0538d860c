package nl.kansrijkewijk.hash;

import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/** SHA-256, the one digest of the service: upload identity, output checksums and content-derived PDF ids. */
public final class Sha256 {
    /**
     * Below this size a digest is cheaper than remembering it. Above it, the pipeline, the processor and the reader
     * each ask for the upload's digest: the JIT Lambda runs (C1) has no SHA intrinsic, so a 1 MB upload cost
     * 10–90 ms per digest (measured, ./kw bench), three times per upload.
     */
    static final int REMEMBER_FROM_BYTES = 64 * 1024;

    /**
     * The last large array this thread hashed. A hit needs the same array object, the same length and the same
     * CRC32C of its current content (an intrinsic: ~0.05 ms per MB), so an array changed since is hashed anew.
     */
    private record Remembered(WeakReference<byte[]> array, int length, long crc32c, String hex) {}

    private static final ThreadLocal<Remembered> LAST = new ThreadLocal<>();

    private Sha256() {}

    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    /** Lower-case hex, 64 characters. */
    public static String hex(byte[] bytes) {
        if (bytes.length < REMEMBER_FROM_BYTES) {
            return HexFormat.of().formatHex(digest(bytes));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        long check = crc.getValue();
        Remembered last = LAST.get();
        if (last != null && last.array().get() == bytes && last.length() == bytes.length && last.crc32c() == check) {
            return last.hex();
        }
        String hex = HexFormat.of().formatHex(digest(bytes));
        LAST.set(new Remembered(new WeakReference<>(bytes), bytes.length, check, hex));
        return hex;
    }
}
