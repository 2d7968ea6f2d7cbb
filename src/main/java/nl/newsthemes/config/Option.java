package nl.newsthemes.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One setting of the job, defined once (in {@link Options}): its config key, its default, what it means, the values
 * it takes (each rule with the words that tell the user what to change) and, where it has one, its command-line flag.
 * {@link JobConfig} takes its defaults and checks from here, {@link CliArgs} its flags and usage text, so a new
 * setting or a changed default is written in one place.
 *
 * <p>Built by chained calls while {@link Options} initializes, and not changed after.
 *
 * @param <T> the type of the {@link JobConfig} component that holds the value
 */
public final class Option<T> {
    /** How a flag takes its value from the command line. */
    enum FlagValue {
        /** one argument, as given */
        TEXT,
        /** one argument, a whole number */
        WHOLE_NUMBER,
        /** no argument: the flag alone sets true */
        SWITCH,
        /** the arguments up to the next flag, at least one */
        PATHS
    }

    /**
     * @param name     as typed, {@code --run-date}
     * @param argument what follows it in the usage text, {@code DAY}; empty for a switch
     * @param help     one sentence for the usage text, without the default
     */
    record Flag(String name, String argument, FlagValue value, String help) {
    }

    private record Rule<T>(BiPredicate<T, JobConfig> holds, Function<T, String> refusal) {
    }

    private final String key;
    private final Function<JobConfig, T> value;
    private final Supplier<T> defaultValue;
    private final String meaning;
    private final List<Rule<T>> rules = new ArrayList<>();
    private String shownDefault;
    private Flag flag;

    private Option(String key, Function<JobConfig, T> value, Supplier<T> defaultValue, String meaning) {
        this.key = key;
        this.value = value;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.shownDefault = String.valueOf(defaultValue.get());
    }

    /**
     * @param key          the snake_case config key, the name of the {@link JobConfig} component in snake case
     * @param value        the component that holds it
     * @param defaultValue what an absent key means; null: none (the option is optional), or one that depends on
     *                     another option, which {@link JobConfig} then works out ({@code lda_learning_offset})
     */
    static <T> Option<T> of(String key, Function<JobConfig, T> value, T defaultValue, String meaning) {
        return new Option<>(key, value, () -> defaultValue, meaning);
    }

    /** An option whose default is worked out when the config is bound (today's date). */
    static <T> Option<T> computed(String key, Function<JobConfig, T> value, Supplier<T> defaultValue, String shownDefault,
                                  String meaning) {
        return new Option<T>(key, value, defaultValue, meaning).shownAs(shownDefault);
    }

    /** A rule the value must keep: refused as "key (--flag) must {@code be}, got value". */
    Option<T> must(Predicate<T> holds, String be) {
        rules.add(new Rule<>((v, config) -> holds.test(v), v -> label() + " must " + be + ", got " + shown(v)));
        return this;
    }

    /** A rule with a message of its own, for rules whose message names a part of the value. */
    Option<T> must(Predicate<T> holds, Function<T, String> refusal) {
        rules.add(new Rule<>((v, config) -> holds.test(v), refusal));
        return this;
    }

    /** A rule between this option and others of the config, with its message. */
    Option<T> mustFit(Predicate<JobConfig> holds, String refusal) {
        rules.add(new Rule<>((v, config) -> holds.test(config), v -> refusal));
        return this;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    Option<T> from(long min, long max) {
        return must(v -> ((Number) v).longValue() >= min && ((Number) v).longValue() <= max, "be from " + min + " to " + max);
    }

    /** Given or left out, but not blank. */
    Option<T> notBlankWhenGiven(String whatToGive) {
        return must(v -> v == null || !v.toString().isBlank(), v -> label() + " is empty: " + whatToGive);
    }

    Option<T> shownAs(String text) {
        shownDefault = text;
        return this;
    }

    Option<T> flag(String name, String argument, FlagValue kind, String help) {
        flag = new Flag(name, argument, kind, help);
        return this;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    /** The default as the usage text and README show it. */
    public String shownDefault() {
        return shownDefault;
    }

    /** The default value (null where the option has none). */
    public T defaultValue() {
        return defaultValue.get();
    }

    Flag flagOrNull() {
        return flag;
    }

    /** This option's value in {@code config}. */
    T valueIn(JobConfig config) {
        return value.apply(config);
    }

    /** {@code given}, or the default where it is absent. */
    T or(T given) {
        return given != null ? given : defaultValue.get();
    }

    /** Throws a {@link ConfigException} that says what to change at the first rule {@code config}'s value breaks. */
    void check(JobConfig config) {
        T v = valueIn(config);
        for (Rule<T> rule : rules) {
            if (!rule.holds().test(v, config)) {
                throw new ConfigException(rule.refusal().apply(v));
            }
        }
    }

    /** The key, and the flag that sets it: what a message names. */
    String label() {
        return flag == null ? key : key + " (" + flag.name() + ")";
    }

    private static String shown(Object value) {
        return value instanceof String ? "'" + value + "'" : Objects.toString(value);
    }
}
