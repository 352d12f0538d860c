package nl.kansrijkewijk.dossier;

import java.util.List;
import java.util.Optional;

/**
 * Where a dossier lives: a flat key space of small objects (events as JSON, the uploaded documents by their
 * SHA-256, the derived views). The port keeps the dossier core free of AWS types; S3, a folder and memory
 * implement it.
 *
 * <p>Events and documents are written with {@link #putIfAbsent} only: their keys derive from their cause, so a
 * repeated delivery finds its object already there, and two writers with different causes never share a key.
 */
public interface DossierStore {

    /** Every key under {@code prefix}, sorted. */
    List<String> list(String prefix);

    Optional<byte[]> read(String key);

    /**
     * Writes the object only when no object has that key ({@code If-None-Match: *}).
     *
     * @return true when written, false when the key already existed (the earlier object stays, unchanged)
     */
    boolean putIfAbsent(String key, byte[] content);

    /** Writes or replaces: only for views that are recomputed from the events on every change. */
    void put(String key, byte[] content);
}
