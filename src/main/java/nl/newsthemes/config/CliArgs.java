package nl.newsthemes.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The command line: {@code --input P [P ...] --output DIR --themes FILE --config FILE --topics K --seed N
 * --master URL --run-date DAY --incremental --model refit|reuse --model-dir DIR --table-format parquet|delta --help}. Flags win over the same keys in the config file. A bad argument is a {@link ConfigException}
 * with one line that says what is wrong.
 */
public final class CliArgs {
    public static final String USAGE = String.join("\n",
            "Usage: news-themes [--input PATH ...] [--output DIR] [--themes FILE] [--config FILE]",
            "                   [--topics K] [--seed N] [--master URL] [--run-date YYYY-MM-DD] [--incremental]",
            "                   [--model refit|reuse] [--model-dir DIR] [--table-format parquet|delta] [--help]",
            "",
            "  --input PATH ...  files or folders: .txt/.txt.gz with a 'date YYYY-MM' header, .jsonl(.gz), .csv, .parquet",
            "                    (default: " + JobConfig.DEFAULT_INPUT + ")",
            "  --output DIR      where the tables, manifest.json, report.html and report.md go (default: " + JobConfig.DEFAULT_OUTPUT + ")",
            "  --themes FILE     theme definitions (default: the bundled themes/default-themes.json)",
            "  --config FILE     job config as JSON with snake_case keys (see README); flags override it",
            "  --topics K|auto   number of LDA topics (default 10); auto: fit each of topic_sweep (default",
            "                    5, 10, 15, 20, 25, 30) and keep the most coherent (table topic_sweep)",
            "  --seed N          random seed (default 1)",
            "  --master URL      Spark master (default: spark-submit's, else local[*])",
            "  --run-date DAY    the day this run stands for, YYYY-MM-DD (default: today, UTC)",
            "  --incremental     read only new or changed input and recompute only the months it touches",
            "  --model POLICY    refit (default): fit topics anew, keeping the ids of those that match the saved model's;",
            "                    reuse: transform with the saved model (phrases, vocabulary, topics) as it is",
            "  --model-dir DIR   keep each run's model there as a version and read the latest from there",
            "                    (default: the model is kept with the output, in _state/model)",
            "  --table-format F  parquet (default): Parquet folders, replaced by each run; delta: Delta Lake tables",
            "                    that keep each run as a version (the manifest names it)",
            "  --help            print this and exit",
            "",
            "Exit codes: 0 done, 1 failed, 2 bad arguments or config, 3 quality gate failed (nothing published),",
            "4 another run holds the output folder (nothing written).");

    private final boolean help;
    private final JobConfig config;

    private CliArgs(boolean help, JobConfig config) {
        this.help = help;
        this.config = config;
    }

    public boolean help() {
        return help;
    }

    /** The validated config: the config file's values with the flags laid over them. */
    public JobConfig config() {
        return config;
    }

    public static CliArgs parse(List<String> args) {
        ObjectNode flags = JsonNodeFactory.instance.objectNode();
        String configFile = null;
        int i = 0;
        while (i < args.size()) {
            String flag = args.get(i++);
            switch (flag) {
                case "--help", "-h" -> {
                    return new CliArgs(true, null);
                }
                case "--input" -> {
                    ArrayNode inputs = flags.putArray("input");
                    while (i < args.size() && !args.get(i).startsWith("--")) {
                        inputs.add(args.get(i++));
                    }
                    ConfigException.check(!inputs.isEmpty(), "--input needs at least one file or folder");
                }
                case "--output", "--themes", "--master" -> flags.put(flag.substring(2), value(args, i++, flag));
                case "--run-date" -> flags.put("run_date", value(args, i++, flag));
                case "--model" -> flags.put("model", value(args, i++, flag));
                case "--model-dir" -> flags.put("model_dir", value(args, i++, flag));
                case "--table-format" -> flags.put("table_format", value(args, i++, flag));
                case "--incremental" -> flags.put("incremental", true);
                case "--config" -> configFile = value(args, i++, flag);
                case "--topics" -> {
                    String topics = value(args, i++, flag);
                    if (topics.equals("auto")) {
                        flags.put("topics_auto", true);
                    } else {
                        flags.put("topics", wholeNumber(topics, flag));
                    }
                }
                case "--seed" -> flags.put(flag.substring(2), wholeNumber(value(args, i++, flag), flag));
                default -> throw new ConfigException("unknown argument '" + flag + "'; run with --help for the list");
            }
        }
        ObjectNode merged = configFile == null ? JsonNodeFactory.instance.objectNode() : readConfigFile(configFile);
        merged.setAll(flags);
        String what = configFile == null ? "arguments" : "config " + configFile + " with the arguments";
        return new CliArgs(false, StrictJson.bind(merged, JobConfig.class, what).validate());
    }

    private static ObjectNode readConfigFile(String file) {
        String json = SettingsFile.read(file, "--config");
        JsonNode tree = StrictJson.readTree(json, "config " + file);
        ConfigException.check(tree instanceof ObjectNode, "config %s must be a JSON object {...}", file);
        return (ObjectNode) tree;
    }

    private static String value(List<String> args, int at, String flag) {
        ConfigException.check(at < args.size(), "%s needs a value", flag);
        String value = args.get(at);
        ConfigException.check(!value.startsWith("--"), "%s needs a value, got the flag %s", flag, value);
        return value;
    }

    private static long wholeNumber(String value, String flag) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(flag + " must be a whole number, got '" + value + "'");
        }
    }
}
