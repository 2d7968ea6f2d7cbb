package nl.newsthemes.nightly;

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
final class FolderLinks {
    private FolderLinks() {
    }

    /**
     * Links or copies every file under {@code from} to the same relative path under {@code to}.
     *
     * @param skip relative paths (with {@code /}) that are not carried over
     * @return the number of files carried over
     */
    static long linkTree(FileSystem fs, Path from, Path to, Predicate<String> skip) {
        long files = 0;
        String root = from.toUri().getPath();
        boolean local = fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(from, true);
            while (it.hasNext()) {
                Path file = it.next().getPath();
                String relative = file.toUri().getPath().substring(root.length() + 1);
                if (skip.test(relative)) {
                    continue;
                }
                Path target = new Path(to, relative);
                fs.mkdirs(target.getParent());
                if (local) {
                    Files.createLink(new File(target.toUri().getPath()).toPath(), new File(file.toUri().getPath()).toPath());
                } else {
                    FileUtil.copy(fs, file, fs, target, false, fs.getConf());
                }
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry " + from + " over to " + to + ": " + e.getMessage(), e);
        }
        return files;
    }
}
