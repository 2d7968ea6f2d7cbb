package nl.newsthemes.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * Hadoop's checksummed local file system ({@code file:}), reading and setting permissions through {@code java.nio}
 * instead of an {@code ls} or {@code chmod} process.
 *
 * <p>Why: without Hadoop's native library (it is not on Maven Central, and an embedded Spark has none),
 * {@code RawLocalFileSystem} forks {@code chmod} for every file and folder it creates, and {@code ls -ld} for every
 * file whose status is listed (a recursive listing asks each file's permission). Spark's writes create a few files
 * per table (part files, checksums, markers), and a folder of text articles lists one file per article: a run forks
 * a process from a JVM of several gigabytes for each. {@code java.nio} reads and sets the same bits with one system
 * call. A permission with the sticky bit, which {@code java.nio} cannot set, and symbolic links still go to Hadoop's
 * own code; everything else is Hadoop's. {@code ThemesJob} registers it for {@code file:} under a local master.
 */
public class NioLocalFileSystem extends LocalFileSystem {
    /** The Spark setting that makes a session use it for {@code file:}. */
    public static final String SETTING = "spark.hadoop.fs.file.impl";

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /**
     * Makes the JVM's cached {@code file:} file system the one {@code conf} names in {@code fs.file.impl}.
     *
     * <p>Why: Hadoop caches one file system per scheme for the whole JVM, made by the first caller's configuration.
     * Anything that read a local file before the session existed (a settings file, a test's helper) leaves Hadoop's
     * own in the cache, and the session's setting would then never take effect: every file Spark writes would fork a
     * {@code chmod} again. The cached one is closed, which only takes it out of the cache (a local file system holds
     * no connection), so that the next lookup makes the configured one.
     */
    public static void useFor(Configuration conf) {
        String wanted = conf.get("fs.file.impl");
        if (wanted == null || conf.getBoolean("fs.file.impl.disable.cache", false)) {
            return;
        }
        try {
            FileSystem cached = FileSystem.get(URI.create("file:///"), conf);
            if (!cached.getClass().getName().equals(wanted)) {
                cached.close();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot look up the local file system: " + e.getMessage(), e);
        }
    }

    /** The raw (unchecksummed) file system under {@link NioLocalFileSystem}. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            // FsPermission prints the nine bits as "rwxr-x---", the form PosixFilePermissions reads.
            Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(permission.toString()));
        }

        @Override
        public FileStatus getFileStatus(Path f) throws IOException {
            return withPermissions(super.getFileStatus(f));
        }

        @Override
        public FileStatus[] listStatus(Path f) throws IOException {
            FileStatus[] statuses = super.listStatus(f);
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = withPermissions(statuses[i]);
            }
            return statuses;
        }

        /**
         * Hadoop's status with its permission, owner and group read now, instead of by {@code ls} when asked. The
         * JDK's {@code unix} attribute view gives the whole mode, sticky bit included; where a JDK has no such view,
         * or the file is gone, the status stays Hadoop's.
         */
        private FileStatus withPermissions(FileStatus status) throws IOException {
            if (status.isSymlink()) {
                return status;
            }
            Map<String, Object> unix;
            try {
                unix = Files.readAttributes(pathToFile(status.getPath()).toPath(), "unix:mode,owner,group");
            } catch (UnsupportedOperationException | IllegalArgumentException | NoSuchFileException noUnixViewOrGone) {
                // A file removed since it was listed keeps Hadoop's status: the reader reports it when it opens it.
                return status;
            }
            FsPermission permission = new FsPermission((short) ((Integer) unix.get("mode") & 01777));
            return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
                    status.getModificationTime(), status.getAccessTime(), permission,
                    ((UserPrincipal) unix.get("owner")).getName(), ((GroupPrincipal) unix.get("group")).getName(), null,
                    status.getPath());
        }
    }
}
