package nl.newsthemes.config;

import java.util.ArrayList;
import java.util.List;

/** The {@code --help} text, written from the options' flags, help and defaults (see {@link Options}). */
final class Usage {
    static final String CONFIG_FLAG = "--config";

    private static final String PROGRAM = "news-themes";
    private static final int WIDTH = 112;
    private static final int HELP_COLUMN = 20;

    private Usage() {
    }

    static String text(List<Option<?>> flagged) {
        List<String> synopsis = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Option<?> option : flagged) {
            Option.Flag flag = option.flagOrNull();
            String typed = flag.argument().isEmpty() ? flag.name() : flag.name() + " " + flag.argument();
            synopsis.add("[" + typed + "]");
            String help = flag.value() == Option.FlagValue.SWITCH ? flag.help()
                    : flag.help() + " (default: " + option.shownDefault() + ")";
            lines.addAll(described(typed, help));
            if (option == Options.THEMES) {
                lines.addAll(described(CONFIG_FLAG + " FILE", "job config as JSON with snake_case keys (see README); "
                        + "flags override it"));
                synopsis.add("[" + CONFIG_FLAG + " FILE]");
            }
        }
        synopsis.add("[--help]");
        lines.addAll(described("--help", "print this and exit"));
        lines.add("");
        lines.add("Every setting, with a flag or without, is also a key of the config file; README's \"Job config\" lists them.");
        List<String> text = new ArrayList<>(wrapped("Usage: " + PROGRAM + " ", synopsis));
        text.add("");
        text.addAll(lines);
        text.add("");
        text.add("Exit codes: 0 done, 1 failed, 2 bad arguments or config, 3 quality gate failed (nothing published),");
        text.add("4 another run holds the output folder (nothing written).");
        return String.join("\n", text);
    }

    private static List<String> described(String typed, String help) {
        String head = "  " + typed;
        if (head.length() >= HELP_COLUMN) {
            List<String> lines = new ArrayList<>(List.of(head));
            lines.addAll(wrapped(" ".repeat(HELP_COLUMN), List.of(help.split(" "))));
            return lines;
        }
        return wrapped(head + " ".repeat(HELP_COLUMN - head.length()), List.of(help.split(" ")));
    }

    /** {@code words} after {@code lead}, broken into lines of at most WIDTH, later lines indented as far as the lead. */
    private static List<String> wrapped(String lead, List<String> words) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(lead);
        for (String word : words) {
            if (line.length() > lead.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(" ".repeat(lead.length()));
            }
            if (line.length() > lead.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
