package nl.newsthemes.run;

/**
 * Text from the input or the config on its way to a log line or the terminal: line breaks and other control
 * characters are escaped, so that a file name or value cannot forge a log line of its own.
 */
public final class LogText {
    private LogText() {
    }

    public static String oneLine(Object value) {
        String text = String.valueOf(value);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
