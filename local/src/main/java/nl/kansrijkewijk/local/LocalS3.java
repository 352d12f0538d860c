package nl.kansrijkewijk.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 server in this JVM (s3proxy): in memory, or on disk under a data folder (objects as files, metadata
 * in extended attributes, so the folder must be on a filesystem with xattrs, e.g. ext4). Requests must be
 * signed with access key {@value #ACCESS_KEY} / secret {@value #SECRET_KEY}, as with LocalStack.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final Region REGION = Region.EU_WEST_1;

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null for an in-memory store
     */
    public static LocalS3 start(String host, int port, Path dataDir) throws Exception {
        BlobStore store;
        if (dataDir == null) {
            store = new TransientNio2BlobStore();
        } else {
            Files.createDirectories(dataDir);
            store = new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
        }
        if (port != 0) {
            ensureFree(host, port);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The portal page uploads and downloads with presigned URLs from another origin (its own port),
                // as it does against S3 with the buckets' CORS rules in template.yaml.
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"),
                        List.of("ETag"), "false"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new LocalS3(proxy, URI.create("http://" + host + ":" + proxy.getPort()));
    }

    private static void ensureFree(String host, int port) throws PortInUseException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client built as the Lambda builds its own (S3Clients), pointed at this server. */
    public S3Client client() {
        return S3Clients.create(REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), endpoint);
    }

    @Override
    public void close() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }

    public static final class PortInUseException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
