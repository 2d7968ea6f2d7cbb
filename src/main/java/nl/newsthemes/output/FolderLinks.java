package nl.newsthemes.output;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Predicate;

/**
 * Carries a published run's files into a staging folder: hard links on a local disk (instant, no space, and safe
 * because the job never writes into a file, it removes and writes anew), copies elsewhere (HDFS, object stores).
 */
public final class FolderLinks {
    private FolderLinks() {
    }

    /**
     * Links or copies every file under {@code from} to the same relative path under {@code to}.
     *
     * @param skip relative paths (with {@code /}) that are not carried over
     * @return the number of files carried over
     */
    public static long linkTree(FileSystem fs, Path from, Path to, Predicate<String> skip) {
        long files = 0;
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(from, true);
            while (it.hasNext()) {
                Path file = it.next().getPath();
                if (!skip.test(relative(from, file))) {
                    link(fs, from, file, to);
                    files++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry " + from + " over to " + to + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Links or copies each of {@code files}, which lie under {@code from}, to the same relative path under {@code to}. */
    public static void linkFiles(FileSystem fs, Path from, java.util.List<Path> files, Path to) {
        try {
            for (Path file : files) {
                link(fs, from, file, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry " + from + " over to " + to + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path root, Path file) {
        return file.toUri().getPath().substring(root.toUri().getPath().length() + 1);
    }

    private static void link(FileSystem fs, Path from, Path file, Path to) throws IOException {
        Path target = new Path(to, relative(from, file));
        fs.mkdirs(target.getParent());
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            Files.createLink(new File(target.toUri().getPath()).toPath(), new File(file.toUri().getPath()).toPath());
        } else {
            FileUtil.copy(fs, file, fs, target, false, fs.getConf());
        }
    }
}
