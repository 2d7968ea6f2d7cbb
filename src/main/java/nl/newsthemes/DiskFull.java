package nl.newsthemes;

import org.apache.hadoop.fs.Path;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a failure that a full disk caused from the others, and which disk: the one the output is staged on, or
 * Spark's scratch space ({@code spark.local.dir}, where shuffles and cached blocks spill). Both show up only as an
 * {@code IOException} "No space left on device" somewhere in the causes, without a path.
 */
final class DiskFull {
    private static final String NO_SPACE = "No space left on device";
    private static final java.util.List<String> SCRATCH_WRITERS = java.util.List.of("org.apache.spark.storage.",
            "org.apache.spark.shuffle.", "org.apache.spark.util.collection.");

    private DiskFull() {
    }

    /**
     * @param outputFolder the folder beside which the run stages its output
     * @param scratch      Spark's scratch folders
     * @return what to tell the user, when the failure is a full disk
     */
    static Optional<String> describe(Throwable failure, String outputFolder, String scratch) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE) && t.getCause() == null) {
                // Spark writes its shuffle and spill files through its storage and shuffle classes; everything else the
                // run writes (tables, state, the lock) goes beside the output.
                boolean output = Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName)
                        .noneMatch(c -> SCRATCH_WRITERS.stream().anyMatch(c::startsWith));
                return Optional.of(output
                        ? "the disk is full: no space left on device for " + parentOf(outputFolder)
                                + ", where the run stages its output; free space there and run again"
                        : "the disk is full: no space left on device for Spark's scratch space (spark.local.dir: "
                                + scratch + "); free space there, or point spark.local.dir at a larger disk, and run again");
            }
        }
        return Optional.empty();
    }

    private static String parentOf(String folder) {
        Path path = new Path(folder);
        if (!path.isAbsolute()) {
            path = new Path(new Path(System.getProperty("user.dir")), path);
        }
        return path.getParent() == null ? path.toString() : path.getParent().toString();
    }
}
