package nl.newsthemes.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, filled in by Maven's resource filtering. */
public final class ProjectVersion {
    private ProjectVersion() {
    }

    public static String get() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/news-themes-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
