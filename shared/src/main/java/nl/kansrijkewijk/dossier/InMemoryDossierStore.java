package nl.kansrijkewijk.dossier;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A dossier store in memory, safe for concurrent writers; for tests and one-shot runs. */
public final class InMemoryDossierStore implements DossierStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public List<String> list(String prefix) {
        return objects.tailMap(prefix, true).keySet().stream().takeWhile(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public Optional<byte[]> read(String key) {
        byte[] b = objects.get(key);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        return objects.putIfAbsent(key, content.clone()) == null;
    }

    @Override
    public void put(String key, byte[] content) {
        objects.put(key, content.clone());
    }
}
