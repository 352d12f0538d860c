package nl.kansrijkewijk.functions.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import nl.kansrijkewijk.pipeline.status.BucketStore;

/** A BucketStore in memory, with the listing order S3 has (by key). */
final class MemoryStore implements BucketStore {
    private record Stored(byte[] bytes, Instant at) {}

    private final TreeMap<String, Stored> objects = new TreeMap<>();
    private Instant clock = Instant.parse("2023-09-01T08:00:00Z");

    MemoryStore put(String bucket, String key, String content, Instant at) {
        objects.put(bucket + "/" + key, new Stored(content.getBytes(StandardCharsets.UTF_8), at));
        return this;
    }

    @Override
    public List<Entry> list(String bucket, String prefix) {
        return objects.subMap(bucket + "/" + prefix, bucket + "/" + prefix + Character.MAX_VALUE).entrySet().stream()
                .map(e -> new Entry(e.getKey().substring(bucket.length() + 1), e.getValue().bytes().length, e.getValue().at()))
                .toList();
    }

    @Override
    public Optional<byte[]> read(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key)).map(Stored::bytes);
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        clock = clock.plusSeconds(1);
        objects.put(bucket + "/" + key, new Stored(content, clock));
    }
}
