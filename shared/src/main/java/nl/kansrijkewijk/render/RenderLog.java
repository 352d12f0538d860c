package nl.kansrijkewijk.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's java.util.logging chatter to slf4j: its INFO lines ("Using fast-mode renderer")
 * become debug, warnings stay warnings (a CSS warning means the letter does not look as designed).
 */
final class RenderLog implements XRLogger {
    private static final Logger LOG = LoggerFactory.getLogger("nl.kansrijkewijk.render.openhtmltopdf");

    private RenderLog() {}

    static void install() {
        Holder.INSTALLED.hashCode();
    }

    private static final class Holder {
        static final Object INSTALLED = init();

        private static Object init() {
            XRLog.setLoggerImpl(new RenderLog());
            return Boolean.TRUE;
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, msg, th);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", where, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are slf4j's business
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
    }
}
