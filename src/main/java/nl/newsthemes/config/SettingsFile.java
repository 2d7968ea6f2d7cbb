package nl.newsthemes.config;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a config or theme file through Hadoop's file systems, as the job reads its input: a local path, or a
 * {@code file:}, {@code hdfs://} or {@code s3a://} URI. In cluster deploy mode the driver runs on a machine that may
 * not have the submitter's files, so they can live where the input does.
 *
 * <p>The Hadoop settings are Spark's (spark-submit's {@code spark.hadoop.*} and the cluster's Hadoop config files):
 * the files are read before the Spark session starts, so that a bad one stops the run at once.
 */
final class SettingsFile {
    /** Larger settings files are refused unread: a config or theme file is a few kilobytes. */
    static final long MAX_BYTES = 16L << 20;

    private SettingsFile() {
    }

    /**
     * The text of {@code location}, UTF-8.
     *
     * @param flag the flag that named it, for the message ({@code --config}, {@code --themes})
     */
    static String read(String location, String flag) {
        try {
            Path path = new Path(location);
            // A file system of its own, closed after: the JVM's cached one is made from the session's settings later
            // (see NioLocalFileSystem.useFor).
            try (FileSystem fs = FileSystem.newInstance(path.toUri(), hadoopConfiguration())) {
                return read(fs, path, location, flag);
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: Hadoop's answer to a location that is no path or URI at all.
            throw new ConfigException(flag + " " + location + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static String read(FileSystem fs, Path path, String location, String flag) throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new ConfigException(flag + " " + location + ": no such file");
        }
        ConfigException.check(status.isFile(), "%s %s: no such file (it is a folder)", flag, location);
        ConfigException.check(status.getLen() <= MAX_BYTES, "%s %s: %d bytes, more than a settings file has (at most %d)",
                flag, location, status.getLen(), MAX_BYTES);
        try (FSDataInputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Configuration hadoopConfiguration() {
        return SparkHadoopUtil.get().newConfiguration(new SparkConf());
    }
}
