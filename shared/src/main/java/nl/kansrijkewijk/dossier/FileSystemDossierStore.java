package nl.kansrijkewijk.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dossier store in a folder: key {@code a/b/c.json} is the file {@code root/a/b/c.json}. Conditional writes
 * are a hard link from a finished temporary file, which the file system refuses atomically when the name
 * exists, so two processes writing the same key cannot both succeed and no reader sees half a file.
 */
public final class FileSystemDossierStore implements DossierStore {
    private final Path root;

    public FileSystemDossierStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        int cut = prefix.lastIndexOf('/');
        Path start = cut < 0 ? root : resolve(prefix.substring(0, cut));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !k.contains("/.tmp-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        Path target = resolve(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return false;
            }
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            Files.write(tmp, content);
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = resolve(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.isBlank()) {
            throw new IllegalArgumentException("key outside the dossier store: " + key);
        }
        return p;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a left-over temporary file is skipped by list() and harmless
            }
        }
    }
}
