package nl.newsthemes.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The datasets a run caches, unpersisted together when it ends, also when it fails: in a session that outlives the run
 * (a notebook, the tests) its blocks would otherwise stay in memory.
 */
public final class CachedDatasets {
    private final List<Dataset<Row>> cached = new ArrayList<>();

    /** {@code data} cached in memory and on disk (unless it already is), to be unpersisted with the others. */
    public Dataset<Row> keep(Dataset<Row> data) {
        // Some arrive cached (the near-copies): caching them again only makes Spark warn.
        Dataset<Row> kept = data.storageLevel().equals(StorageLevel.NONE()) ? data.persist(StorageLevel.MEMORY_AND_DISK()) : data;
        cached.add(kept);
        return kept;
    }

    /** Unpersists every dataset kept so far. */
    public void unpersistAll() {
        cached.forEach(Dataset::unpersist);
        cached.clear();
    }
}
