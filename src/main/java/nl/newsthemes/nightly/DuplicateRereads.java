package nl.newsthemes.nightly;

import nl.newsthemes.ingest.RejectReason;
import nl.newsthemes.ingest.InputListing;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;

/** The files an incremental run reads again because a document they duplicated leaves the corpus. */
final class DuplicateRereads {
    private DuplicateRereads() {
    }

    /**
     * Unchanged files whose duplicate records named a document of a file that is now dropped: read again, so a copy
     * can take the place of the document that left. Repeated until no more files join.
     */
    static List<String> files(Dataset<Row> previousRejects, Dataset<Row> previousTerms, Set<String> dropped,
                              InputListing listing) {
        Dataset<Row> duplicates = previousRejects.filter(RejectReason.DUPLICATE_ID.isKindOf(col(REASON)))
                .select(col(PATH), col(RECORD).as(DOC_ID));
        Set<String> listed = new TreeSet<>();
        listing.files().forEach(f -> listed.add(f.path()));
        Set<String> all = new TreeSet<>(dropped);
        List<String> reread = new ArrayList<>();
        while (true) {
            Dataset<Row> goneIds = previousTerms.filter(col(PATH).isin(all.toArray())).select(DOC_ID);
            List<String> more = duplicates.join(goneIds, DOC_ID).select(PATH).distinct().collectAsList().stream()
                    .map(r -> r.getString(0)).filter(p -> listed.contains(p) && !all.contains(p)).sorted().toList();
            if (more.isEmpty()) {
                return reread;
            }
            all.addAll(more);
            reread.addAll(more);
        }
    }
}
