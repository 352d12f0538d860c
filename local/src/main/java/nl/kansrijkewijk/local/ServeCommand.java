package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.kansrijkewijk.processing.DocumentProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kw serve [--port N]}: the local stack kept running on 127.0.0.1:4566 (LocalStack's port), data kept
 * in .kw/s3data across restarts; every upload to inbox/ is processed as it arrives, every reviewer's act under
 * beoordelingen/ and vaststellingen/ recorded in the dossier. Ctrl-C stops cleanly.
 */
final class ServeCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    static final int DEFAULT_PORT = 4566;

    private final Path root;
    private final DocumentProcessor processor;
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(Path root, DocumentProcessor processor, PrintStream out, PrintStream err) {
        this.root = root;
        this.processor = processor;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        int port = DEFAULT_PORT;
        int portalPort = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--port") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,5}")) {
                port = Integer.parseInt(args.get(++i));
            } else if (args.get(i).equals("--portal-port") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,5}")) {
                portalPort = Integer.parseInt(args.get(++i));
            } else {
                err.println("Onbekende optie voor serve: " + args.get(i));
                err.println("Gebruik: ./kw serve [--port POORT] [--portal-port POORT]");
                return 2;
            }
        }
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start("127.0.0.1", port, root.resolve(".kw").resolve("s3data"), processor);
        } catch (LocalS3.PortInUseException e) {
            err.println("Poort " + e.port() + " is al in gebruik (draait LocalStack of een andere ./kw serve?). "
                    + "Kies een andere poort met --port.");
            return 1;
        }
        String endpoint = pipeline.server().endpoint().toString();
        out.println("Lokale S3 draait op " + endpoint + "  (regio " + LocalS3.REGION.id() + ", toegangssleutel "
                + LocalS3.ACCESS_KEY + ", geheime sleutel " + LocalS3.SECRET_KEY + ")");
        out.println("Upload een formulier naar s3://" + LocalPipeline.UPLOAD_BUCKET + "/inbox/<gemeente>/<bestand>.pdf of .xlsx;");
        out.println("de uitvoer verschijnt in s3://" + LocalPipeline.OUTPUT_BUCKET + "/<gemeente>/<bestand>/<etag>/. Bijvoorbeeld:");
        out.println("  export AWS_ACCESS_KEY_ID=" + LocalS3.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY=" + LocalS3.SECRET_KEY
                + " AWS_DEFAULT_REGION=" + LocalS3.REGION.id());
        out.println("  aws --endpoint-url " + endpoint + " s3 cp aanvraag.pdf s3://" + LocalPipeline.UPLOAD_BUCKET
                + "/inbox/GM0363/aanvraag.pdf");
        out.println("  aws --endpoint-url " + endpoint + " s3 sync s3://" + LocalPipeline.OUTPUT_BUCKET + " uitvoer/");
        out.println("Beoordelaars: de ingevulde werkmap naar s3://" + LocalPipeline.UPLOAD_BUCKET + "/beoordelingen/<gemeente>/<naam>.xlsx,"
                + " een vaststelling naar s3://" + LocalPipeline.UPLOAD_BUCKET + "/vaststellingen/<gemeente>/<naam>.yaml;"
                + " het antwoord staat in s3://" + LocalPipeline.OUTPUT_BUCKET + "/antwoorden/.");
        // The portal (pages + API) on its own port; tokens stand in for the Cognito login of AWS.
        Path tokenFile = root.resolve(".kw").resolve("portal-tokens.properties");
        PortalTokens tokens = PortalTokens.loadOrCreate(tokenFile);
        LocalPortal portal = LocalPortal.start(pipeline, "127.0.0.1", portalPort, tokens, out);
        out.println("Portaal: " + portal.url() + "  (werkvoorraad: " + portal.url() + "werkvoorraad.html)");
        out.println("  toegangscodes (alle in " + tokenFile + "): Amsterdam " + tokens.tokenFor("GM0363").orElse("-")
                + ", Rotterdam " + tokens.tokenFor("GM0599").orElse("-") + ", beoordelaar "
                + tokens.tokenFor(PortalTokens.REVIEWER).orElse("-"));
        out.println("Stoppen met Ctrl-C.");
        out.flush();

        InboxPoller poller = new InboxPoller(pipeline, out, portal::onDelivered);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kw-inbox-poller");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                poller.pollOnce();
            } catch (RuntimeException e) {
                // Keep polling: a listing can fail while the server is busy or stopping.
                LOG.warn("polling the inbox failed: {}", e.toString());
            }
        }, 0, 1, TimeUnit.SECONDS);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.shutdown();
            try {
                // Let a document that is being processed finish, so its outputs are complete.
                scheduler.awaitTermination(60, TimeUnit.SECONDS);
                portal.close();
                pipeline.close();
            } catch (Exception e) {
                LOG.warn("stopping: {}", e.toString());
            }
            out.println("Gestopt.");
            out.flush();
            stopped.countDown();
        }, "kw-serve-shutdown"));
        stopped.await();
        return 0;
    }
}
