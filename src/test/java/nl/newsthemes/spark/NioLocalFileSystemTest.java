package nl.newsthemes.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local file system without chmod processes gives files and folders the permissions Hadoop's own would. */
class NioLocalFileSystemTest {
    @Test
    void createsFilesAndFoldersWithTheRequestedPermissionsAndChecksums(@TempDir java.nio.file.Path dir) throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
        assertInstanceOf(NioLocalFileSystem.class, fs);

        Path folder = new Path(dir.resolve("tables").toUri());
        assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)));
        Path file = new Path(folder, "part-0.csv");
        try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
            out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
        }
        fs.setPermission(file, new FsPermission((short) 0604));

        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tables"))));
        assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tables/part-0.csv"))));
        assertEquals("a,b\n", Files.readString(dir.resolve("tables/part-0.csv")));
        assertTrue(Files.exists(dir.resolve("tables/.part-0.csv.crc")), "the checksum file is written as by LocalFileSystem");
    }

    @Test
    void listsTheStatusHadoopsOwnLocalFileSystemGives(@TempDir java.nio.file.Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "first");
        Files.createDirectories(dir.resolve("month=2022-01"));
        Files.writeString(dir.resolve("month=2022-01/b.txt"), "second article");
        Files.setPosixFilePermissions(dir.resolve("a.txt"), PosixFilePermissions.fromString("rw-r-----"));
        FileSystem hadoops = new org.apache.hadoop.fs.LocalFileSystem();
        hadoops.initialize(dir.toUri(), new Configuration());
        FileSystem nio = new NioLocalFileSystem();
        nio.initialize(dir.toUri(), new Configuration());

        Path root = new Path(dir.toUri());
        assertEquals(statuses(hadoops.listStatus(root)), statuses(nio.listStatus(root)));
        assertEquals(statuses(hadoops.listStatus(new Path(root, "month=2022-01"))),
                statuses(nio.listStatus(new Path(root, "month=2022-01"))));
        assertEquals(statuses(new FileStatus[]{hadoops.getFileStatus(new Path(root, "a.txt"))}),
                statuses(new FileStatus[]{nio.getFileStatus(new Path(root, "a.txt"))}));
        assertEquals("rw-r-----", nio.getFileStatus(new Path(root, "a.txt")).getPermission().toString());
    }

    /** Every field a reader of a status uses, sorted by path. */
    private static java.util.List<String> statuses(FileStatus[] statuses) {
        return java.util.Arrays.stream(statuses).map(s -> String.join(" ", s.getPath().toString(),
                        String.valueOf(s.getLen()), String.valueOf(s.isDirectory()), String.valueOf(s.getModificationTime()),
                        s.getPermission().toString(), s.getOwner(), s.getGroup(), String.valueOf(s.getReplication()),
                        String.valueOf(s.getBlockSize())))
                .sorted().toList();
    }

    @Test
    void aSessionsSettingReplacesTheFileSystemAnEarlierCallerLeftInTheCache() throws IOException {
        java.net.URI local = java.net.URI.create("file:///");
        Configuration hadoops = new Configuration();
        hadoops.set("fs.file.impl", org.apache.hadoop.fs.LocalFileSystem.class.getName());
        NioLocalFileSystem.useFor(hadoops); // whatever an earlier test left there
        assertEquals(org.apache.hadoop.fs.LocalFileSystem.class, FileSystem.get(local, new Configuration()).getClass(),
                "as a caller without the setting leaves it");

        Configuration session = new Configuration();
        session.set("fs.file.impl", NioLocalFileSystem.class.getName());
        assertEquals(org.apache.hadoop.fs.LocalFileSystem.class, FileSystem.get(local, session).getClass(),
                "the JVM's cache ignores the setting");
        NioLocalFileSystem.useFor(session);
        FileSystem now = FileSystem.get(local, session);
        assertInstanceOf(NioLocalFileSystem.class, now);
        NioLocalFileSystem.useFor(session);
        assertTrue(now == FileSystem.get(local, new Configuration()), "kept once it is the configured one");
    }

    @Test
    void aStickyFolderStillGetsItsStickyBit(@TempDir java.nio.file.Path dir) throws IOException {
        FileSystem fs = new NioLocalFileSystem();
        fs.initialize(dir.toUri(), new Configuration());
        Path shared = new Path(dir.resolve("shared").toUri());
        assertTrue(fs.mkdirs(shared));
        fs.setPermission(shared, new FsPermission((short) 01777));
        assertEquals("rwxrwxrwt", fs.getFileStatus(shared).getPermission().toString());
    }
}
