package nl.newsthemes.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static nl.newsthemes.schema.Columns.*;

/**
 * Every topic a model of this output has had, under an id that stays from run to run: a refit's topic that matches a
 * previous one ({@link TopicMatching}) keeps its id; a topic that matches none gets a new id, one above the highest
 * ever given; a previous topic that nothing matched is marked {@code vanished} and its id is never given again.
 *
 * @param entries one per id, by id
 */
public record TopicRegistry(List<Entry> entries) {
    public static final String ACTIVE = "active";
    public static final String VANISHED = "vanished";

    /**
     * A topic's history, by run date (what a nightly run stands for): run ids would make two runs over the same
     * input differ.
     *
     * @param firstSeen  the run date of the run that first fitted it
     * @param lastSeen   the run date of the last run that had it
     * @param similarity the similarity of the match that carried the topic into its last run; null when that run
     *                   first saw it
     */
    public record Entry(int topic, String label, String status, String firstSeen, String lastSeen, Double similarity) {
    }

    /** The registry and the id of each of the new model's topics, by position. */
    public record Assigned(TopicRegistry registry, int[] ids) {
    }

    public static TopicRegistry empty() {
        return new TopicRegistry(List.of());
    }

    /** The previous registry's active topics: id to label. */
    public Map<Integer, String> active() {
        Map<Integer, String> active = new TreeMap<>();
        entries.stream().filter(e -> e.status().equals(ACTIVE)).forEach(e -> active.put(e.topic(), e.label()));
        return active;
    }

    /**
     * Ids for a refit's topics.
     *
     * @param labels  the new topics' labels, by position
     * @param matches the new positions that continue a previous topic
     */
    public Assigned assign(List<String> labels, Map<Integer, TopicMatching.Match> matches, String runDate) {
        Map<Integer, Entry> byId = new TreeMap<>();
        entries.forEach(e -> byId.put(e.topic(), e));
        int next = entries.stream().mapToInt(Entry::topic).max().orElse(-1) + 1;
        int[] ids = new int[labels.size()];
        List<Integer> continued = new ArrayList<>();
        for (int position = 0; position < labels.size(); position++) {
            TopicMatching.Match match = matches.get(position);
            if (match != null) {
                Entry before = byId.get(match.previousId());
                ids[position] = match.previousId();
                byId.put(ids[position], new Entry(ids[position], labels.get(position), ACTIVE, before.firstSeen(),
                        runDate, rerun(before, runDate) ? before.similarity() : Double.valueOf(match.similarity())));
                continued.add(ids[position]);
            } else {
                ids[position] = next++;
                byId.put(ids[position], new Entry(ids[position], labels.get(position), ACTIVE, runDate, runDate, null));
            }
        }
        for (Entry e : entries) {
            if (e.status().equals(ACTIVE) && !continued.contains(e.topic())) {
                byId.put(e.topic(), new Entry(e.topic(), e.label(), VANISHED, e.firstSeen(), e.lastSeen(), e.similarity()));
            }
        }
        return new Assigned(new TopicRegistry(List.copyOf(byId.values())), ids);
    }

    /**
     * Whether a run is a rerun of the night that last saw the topic (a retry, or a rerun over the same input): then
     * the topic keeps what that night's first run recorded, so that a rerun gives the same registry as the run it
     * repeats rather than a match of the model with itself.
     */
    private static boolean rerun(Entry entry, String runDate) {
        return entry.lastSeen().equals(runDate);
    }

    /** The same topics seen again by a run that reused the model as it was. */
    public TopicRegistry seenAgain(String runDate) {
        return new TopicRegistry(entries.stream().map(e -> e.status().equals(ACTIVE)
                ? new Entry(e.topic(), e.label(), ACTIVE, e.firstSeen(), runDate, rerun(e, runDate) ? e.similarity() : Double.valueOf(1.0))
                : e).sorted(Comparator.comparingInt(Entry::topic)).toList());
    }

    public static final StructType SCHEMA = new StructType()
            .add(TOPIC, DataTypes.IntegerType, false)
            .add(LABEL, DataTypes.StringType, false)
            .add(STATUS, DataTypes.StringType, false)
            .add(FIRST_SEEN, DataTypes.StringType, false)
            .add(LAST_SEEN, DataTypes.StringType, false)
            .add(SIMILARITY, DataTypes.DoubleType, true);

    /** The {@code topic_registry} table. */
    public Dataset<Row> table(SparkSession spark) {
        return spark.createDataFrame(entries.stream().map(e -> RowFactory.create(e.topic(), e.label(), e.status(),
                e.firstSeen(), e.lastSeen(), e.similarity())).toList(), SCHEMA);
    }
}
