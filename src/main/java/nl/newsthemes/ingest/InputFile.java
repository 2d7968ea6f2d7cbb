package nl.newsthemes.ingest;

import java.io.Serializable;

/**
 * A file found under an input path.
 *
 * @param path     fully qualified path (as Hadoop's FileSystem names it: {@code file:/...}, {@code hdfs://...})
 * @param bytes    size when listed
 * @param modified modification time when listed, milliseconds since the epoch
 * @param format   what it is read as
 */
public record InputFile(String path, long bytes, long modified, InputFormat format) implements Serializable {
}
