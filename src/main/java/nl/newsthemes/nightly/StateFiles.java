package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON files under {@code _state/}, written and read by the job itself (snake_case, like the manifest). */
final class StateFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private StateFiles() {
    }

    /**
     * The file as {@code type}, or null when it does not exist.
     *
     * @throws UnreadableStateException when it exists and what it holds is not a {@code type}
     * @throws UncheckedIOException      when the file system fails
     */
    static <T> T readJson(FileSystem fs, Path file, Class<T> type) {
        try {
            if (!fs.exists(file)) {
                return null;
            }
            try (FSDataInputStream in = fs.open(file)) {
                T value = JSON.readValue((java.io.InputStream) in, type);
                if (value == null) {
                    throw new UnreadableStateException(file, new IOException("the file holds JSON null"));
                }
                return value;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.io.EOFException e) {
            // What the file holds is damaged (cut short, not JSON, not this type): the state is lost.
            throw new UnreadableStateException(file, e);
        } catch (IOException e) {
            // The file system failed (a network blip, a lost data node): the state may be fine, the run fails.
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new file; one already there is removed first, never written over (it may be a link, see FolderLinks). */
    static void writeJson(FileSystem fs, Path file, Object value) {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file + ": " + e.getMessage(), e);
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(JSON.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
