/**
 * The child JVMs of {@code ./kw bench}. They are packed into their own small jar (kw-local's {@code probe}
 * classifier) and run beside the deployment jar alone, with the Lambda runtime's flags: class-data archives only
 * take classes from jars, and nothing of ./kw (s3proxy, Jetty) must leak into what is measured.
 */
package nl.kansrijkewijk.local.bench.probe;
