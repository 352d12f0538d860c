package nl.kansrijkewijk.local.bench.probe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.ObjectStore;

/** Objects in a map: the pipeline's own work without the network, for warm timings. */
final class MemoryStore implements ObjectStore {
    private record Stored(byte[] content, Map<String, String> metadata) {}

    private final Map<String, Stored> objects = new HashMap<>();

    void put(String bucket, String key, byte[] content) {
        objects.put(bucket + "/" + key, new Stored(content, Map.of()));
    }

    void clear() {
        objects.clear();
    }

    private static String eTag(Stored s) {
        return Integer.toHexString(System.identityHashCode(s.content()));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key))
                .map(s -> new ObjectInfo(s.content().length, eTag(s), null, s.metadata()));
    }

    @Override
    public Fetched read(String bucket, String key, String versionId, String expectedETag, long maxBytes) {
        Stored s = objects.get(bucket + "/" + key);
        if (s == null) {
            return new Fetched.Missing();
        }
        if (s.content().length > maxBytes) {
            return new Fetched.TooLarge(s.content().length);
        }
        return new Fetched.Content(s.content(), eTag(s), null, Instant.EPOCH);
    }

    @Override
    public boolean putIfAbsent(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata) {
        return objects.putIfAbsent(bucket + "/" + key, new Stored(content, Map.copyOf(metadata))) == null;
    }
}
