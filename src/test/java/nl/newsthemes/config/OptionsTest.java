package nl.newsthemes.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each setting is defined once, in {@link Options}: the config record, the flags, the usage text and README follow. */
class OptionsTest {
    private static final RecordComponent[] COMPONENTS = JobConfig.class.getRecordComponents();

    @Test
    void everyComponentIsAnOptionOfItsNameAndEveryOptionAComponent() {
        List<String> components = Arrays.stream(COMPONENTS).map(c -> snakeCase(c.getName())).sorted().toList();
        List<String> keys = Options.ALL.stream().map(Option::key).sorted().toList();
        assertEquals(components, keys);
        assertEquals(keys.size(), keys.stream().distinct().count());
    }

    /**
     * Each option reads its own component: in a config whose components all hold different values (one boolean true
     * at a time), an option that read a neighbour would see the neighbour's value.
     */
    @Test
    void eachOptionReadsItsOwnComponent() throws ReflectiveOperationException {
        List<Integer> booleans = new ArrayList<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getType() == Boolean.class) {
                booleans.add(i);
            }
        }
        assertEquals(4, booleans.size());
        for (int trueOne : booleans) {
            Object[] values = new Object[COMPONENTS.length];
            for (int i = 0; i < COMPONENTS.length; i++) {
                values[i] = distinctValue(COMPONENTS[i], i, i == trueOne);
            }
            JobConfig config = JobConfig.class.getDeclaredConstructor(Arrays.stream(COMPONENTS)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            for (Option<?> option : Options.ALL) {
                int at = componentIndex(option.key());
                assertEquals(values[at], option.valueIn(config), option.key());
            }
        }
    }

    @Test
    void absentValuesTakeTheOptionsDefaults() {
        String before = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JobConfig config = CliArgs.parse(List.of()).config();
        String after = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (Option<?> option : Options.ALL) {
            if (option != Options.RUN_DATE && option != Options.LDA_LEARNING_OFFSET) {
                assertEquals(option.defaultValue(), option.valueIn(config), option.key());
            }
        }
        // The two worked out when the config is bound: today (the day it was bound on, also around midnight), and the
        // offset that suits the default start.
        assertTrue(config.runDate().equals(before) || config.runDate().equals(after), config.runDate());
        assertEquals(1024.0, config.ldaLearningOffset());
    }

    @Test
    void theUsageTextShowsEachFlagWithItsHelpAndDefault() {
        String usage = CliArgs.USAGE.replaceAll("\\s+", " ");
        List<Option<?>> flagged = Options.FLAGGED;
        assertEquals(new java.util.HashSet<>(Options.ALL.stream().filter(o -> o.flagOrNull() != null).toList()),
                new java.util.HashSet<>(flagged));
        assertEquals(List.of("--input", "--output", "--themes", "--topics", "--seed", "--master", "--run-date",
                "--incremental", "--model", "--model-dir", "--table-format"), flagged.stream().map(o -> o.flagOrNull().name()).toList());
        for (Option<?> option : flagged) {
            Option.Flag flag = option.flagOrNull();
            String line = (flag.name() + " " + flag.argument()).trim() + " " + flag.help()
                    + (flag.value() == Option.FlagValue.SWITCH ? "" : " (default: " + option.shownDefault() + ")");
            assertTrue(usage.contains(line), line);
        }
        assertTrue(usage.contains("--topics K|auto number of LDA topics; auto: fit each number of topic_sweep and keep the "
                + "most coherent (default: 10)"), usage);
    }

    /** With more than one bad value, the one reported first is the first in {@link Options#ALL}'s order. */
    @Test
    void theFirstBrokenRuleInTheCheckOrderIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path config = dir.resolve("job.json");
        Files.writeString(config, "{\"vocab_size\": 5, \"languages\": [\"xx\"]}");
        assertEquals("vocab_size must be from 10 to 1000000, got 5", refused("--config", config.toString(), "--master", " "));
        Files.writeString(config, "{\"languages\": [\"xx\"]}");
        assertEquals("--topics auto fits models to choose from, and --model reuse fits none: use one of them",
                refused("--config", config.toString(), "--topics", "auto", "--model", "reuse"));
        assertEquals("model (--model) must be 'refit' (fit anew, keep topic ids by matching) or 'reuse' (transform with "
                + "the saved model), got 'again'", refused("--config", config.toString(), "--model", "again"));
    }

    private static String refused(String... args) {
        return org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> CliArgs.parse(List.of(args))).getMessage();
    }

    /** README's "Job config" table names every key, and its flag table every flag. */
    @Test
    void readmeNamesEveryKeyAndFlag() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String keys = readme.substring(readme.indexOf("### Job config"), readme.indexOf("\n## Input"));
        for (Option<?> option : Options.ALL) {
            assertTrue(keys.contains("`" + option.key() + "`"), option.key());
            if (option.flagOrNull() != null) {
                assertTrue(readme.contains("| `" + option.flagOrNull().name()), option.flagOrNull().name());
            }
        }
    }

    private static Object distinctValue(RecordComponent component, int i, boolean isTheTrueOne) {
        Class<?> type = component.getType();
        if (type == Integer.class) {
            return 1000 + i;
        } else if (type == Long.class) {
            return 2000L + i;
        } else if (type == Double.class) {
            return 3000.5 + i;
        } else if (type == String.class) {
            return "value " + i;
        } else if (type == Boolean.class) {
            return isTheTrueOne;
        }
        // Lists: of strings or of whole numbers, by the component's declared element type.
        return component.getGenericType().getTypeName().contains("Integer") ? List.of(4000 + i) : List.of("value " + i);
    }

    private static int componentIndex(String key) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (snakeCase(COMPONENTS[i].getName()).equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no component for " + key);
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
