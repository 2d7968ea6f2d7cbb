package nl.newsthemes.config;

/**
 * A bad argument, config or theme file: the message says what is wrong and what to change. The job exits with
 * {@link nl.newsthemes.ExitCode#BAD_CONFIG} on it, before any Spark work starts.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws a ConfigException with a formatted message unless {@code condition} holds. */
    public static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, format, args));
        }
    }
}
