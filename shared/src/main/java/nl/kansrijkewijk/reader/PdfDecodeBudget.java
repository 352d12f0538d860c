package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import nl.kansrijkewijk.limits.Deadline;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound on every stream PDFBox decodes while one upload is read, including the object and cross-reference
 * streams it decodes inside {@code Loader.loadPDF}, before {@link PdfStreams} can look at anything. PDFBox 3.0
 * decodes such a stream completely into memory ({@code Filter.decode} into a growing buffer; neither the
 * {@code MemoryUsageSetting} nor the stream cache is consulted), so a 4 MB upload whose object stream inflates to
 * 4 GB exhausted the heap while loading. PDFBox has no hook for this: its filters are singletons in
 * {@link FilterFactory}, so once per JVM each is replaced by a wrapper that passes the decoded bytes through a
 * counter when (and only when) the current thread has an open {@link Scope}. Outside a scope — rendering letters,
 * veraPDF — nothing changes. Past the bound, or past the deadline, the decode fails with an IOException that
 * PDFBox's parser handles like a broken stream; the scope remembers it and the reader refuses the upload
 * ({@code te-groot}) rather than read what PDFBox salvaged. After the first overrun every later decode in the scope
 * fails at once, so a file with a thousand bombs costs one bomb.
 *
 * <p>The replacement reaches into a private field; {@link #installed()} says whether it took (a test holds it, so
 * a PDFBox upgrade that renames the field fails the build instead of silently dropping the bound).
 */
final class PdfDecodeBudget {
    private static final Logger LOG = LoggerFactory.getLogger(PdfDecodeBudget.class);
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final boolean INSTALLED = install();

    private PdfDecodeBudget() {}

    static boolean installed() {
        return INSTALLED;
    }

    /** Bounds every decode on this thread until closed. */
    static Scope open(long maxDecodedBytesPerStream, Deadline deadline) {
        Scope s = new Scope(maxDecodedBytesPerStream, deadline);
        CURRENT.set(s);
        return s;
    }

    static final class Scope implements AutoCloseable {
        private final long max;
        private final Deadline deadline;
        private volatile boolean exceeded;
        private long largest;

        private Scope(long max, Deadline deadline) {
            this.max = max;
            this.deadline = deadline;
        }

        /** Whether some stream would have decoded to more than the bound. */
        boolean exceeded() {
            return exceeded;
        }

        /** The most bytes one stream decoded to in this scope (for the measurements). */
        long largest() {
            return largest;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }

    /** An IOException, so that PDFBox treats it like any broken stream and unwinds. */
    static final class Overrun extends IOException {
        private static final long serialVersionUID = 1L;

        Overrun(String message) {
            super(message, null);
        }
    }

    private static final class Counted extends OutputStream {
        private final OutputStream out;
        private final Scope scope;
        private long count;

        Counted(OutputStream out, Scope scope) {
            this.out = out;
            this.scope = scope;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
            out.write(b, off, len);
        }

        private void add(int len) throws Overrun {
            if (scope.exceeded) {
                throw new Overrun("an earlier stream of this upload already exceeded the decode bound");
            }
            if ((count >> 20) != ((count + len) >> 20) && scope.deadline.passed()) {
                scope.exceeded = true; // the deadline check after loading turns this into te-complex
                throw new Overrun("deadline passed while decoding a stream");
            }
            count += len;
            scope.largest = Math.max(scope.largest, count);
            if (count > scope.max) {
                scope.exceeded = true;
                throw new Overrun("a stream decodes to more than " + scope.max + " bytes");
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Decodes through the wrapped filter, counted when a scope is open; encodes unchanged. */
    private static final class Bounded extends Filter {
        private final Filter filter;

        Bounded(Filter filter) {
            this.filter = filter;
        }

        private static OutputStream guard(OutputStream out) {
            Scope s = CURRENT.get();
            return s == null ? out : new Counted(out, s);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            return filter.decode(encoded, guard(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                DecodeOptions options) throws IOException {
            return filter.decode(encoded, guard(decoded), parameters, index, options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            filter.encode(input, encoded, parameters, 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean install() {
        try {
            Field f = FilterFactory.class.getDeclaredField("filters");
            f.setAccessible(true);
            Map<COSName, Filter> filters = (Map<COSName, Filter>) f.get(FilterFactory.INSTANCE);
            synchronized (filters) {
                // one wrapper per filter object: PDFBox maps a name and its abbreviation to the same instance, and
                // refuses a chain that names one filter twice by comparing instances
                Map<Filter, Filter> wrapped = new IdentityHashMap<>();
                for (Map.Entry<COSName, Filter> e : filters.entrySet()) {
                    if (!(e.getValue() instanceof Bounded)) {
                        e.setValue(wrapped.computeIfAbsent(e.getValue(), Bounded::new));
                    }
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.error("PDFBox filters could not be bounded; object and xref streams are decoded without a bound", e);
            return false;
        }
    }
}
