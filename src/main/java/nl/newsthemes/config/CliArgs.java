package nl.newsthemes.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The command line: the flags of {@link Options} (each {@code --name} sets the key {@code name}), {@code --config FILE}
 * and {@code --help}. Flags win over the same keys in the config file. A bad argument is a {@link ConfigException}
 * with one line that says what is wrong.
 */
public final class CliArgs {
    public static final String USAGE = Usage.text(Options.FLAGGED);

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
            if (flag.equals("--help") || flag.equals("-h")) {
                return new CliArgs(true, null);
            }
            if (flag.equals(Usage.CONFIG_FLAG)) {
                configFile = value(args, i++, flag);
                continue;
            }
            Option<?> option = Options.FLAGGED.stream().filter(o -> o.flagOrNull().name().equals(flag)).findFirst()
                    .orElseThrow(() -> new ConfigException("unknown argument '" + flag + "'; run with --help for the list"));
            switch (option.flagOrNull().value()) {
                case SWITCH -> flags.put(option.key(), true);
                case TEXT -> flags.put(option.key(), value(args, i++, flag));
                case PATHS -> {
                    ArrayNode paths = flags.putArray(option.key());
                    while (i < args.size() && !args.get(i).startsWith("--")) {
                        paths.add(args.get(i++));
                    }
                    ConfigException.check(!paths.isEmpty(), "%s needs at least one file or folder", flag);
                }
                case WHOLE_NUMBER -> {
                    String number = value(args, i++, flag);
                    if (option == Options.TOPICS && number.equals("auto")) {
                        flags.put(Options.TOPICS_AUTO.key(), true);
                    } else {
                        flags.put(option.key(), wholeNumber(number, flag));
                    }
                }
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
