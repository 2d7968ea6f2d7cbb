package nl.newsthemes.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The theme file: {@code {"themes": [ThemeDefinition, ...]}}, read strictly (see {@link StrictJson}) and checked
 * so that unknown keys, wrong types, empty themes and duplicate names are refused with a message naming them.
 *
 * @param themes the themes, in file order (the order of the output rows)
 * @param source where it was read from, for the manifest
 * @param json   the file's text, kept for the manifest
 */
public record ThemeSet(List<ThemeDefinition> themes, String source, String json) implements Serializable {
    public static final String DEFAULT_RESOURCE = "/themes/default-themes.json";

    /** The file's shape for Jackson. */
    record ThemeFile(List<ThemeDefinition> themes) {
    }

    /** Reads {@code path}, or the bundled default themes when it is null. */
    public static ThemeSet load(String path) {
        if (path == null) {
            try (InputStream in = ThemeSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
        return parse(SettingsFile.read(path, "--themes"), path);
    }

    public static ThemeSet parse(String json, String source) {
        String what = "theme file " + source;
        JsonNode tree = StrictJson.readTree(json, what);
        ConfigException.check(tree != null && tree.isObject() && tree.has("themes"),
                "%s must be an object with a list \"themes\": {\"themes\": [{\"name\": ..., \"terms\": [...]}]}", what);
        ThemeFile file = StrictJson.bind(tree, ThemeFile.class, what);
        ConfigException.check(file.themes() != null && !file.themes().isEmpty(), "%s has no themes", what);
        Set<String> names = new HashSet<>();
        for (ThemeDefinition theme : file.themes()) {
            ConfigException.check(theme != null, "%s has a null theme", what);
            try {
                theme.validate();
            } catch (ConfigException e) {
                throw new ConfigException(what + ": " + e.getMessage());
            }
            ConfigException.check(names.add(theme.name()), "%s: theme name '%s' appears twice", what, theme.name());
        }
        return new ThemeSet(List.copyOf(file.themes()), source, json);
    }

    public List<String> names() {
        return themes.stream().map(ThemeDefinition::name).toList();
    }
}
