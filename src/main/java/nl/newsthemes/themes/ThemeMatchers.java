package nl.newsthemes.themes;

import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.text.Language;
import nl.newsthemes.text.TextAnalyzer;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The theme rules compiled once for each language the job reads: a plain rule word matches by its stem, and the
 * stem depends on the language ({@code sanctions} is {@code sanction} to the English stemmer, {@code sancties}
 * {@code sancti} to the Dutch one). Wildcard words match the surface word in every language alike. Compiled on the
 * driver, which checks every rule word in every language; serializable, so Spark ships it to the tasks.
 */
public final class ThemeMatchers implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Language> languages;
    private final int minTokenLength;
    private final Map<Language, ThemeMatcher> byLanguage;

    private ThemeMatchers(List<Language> languages, int minTokenLength, Map<Language, ThemeMatcher> byLanguage) {
        this.languages = List.copyOf(languages);
        this.minTokenLength = minTokenLength;
        this.byLanguage = Map.copyOf(byLanguage);
    }

    public static ThemeMatchers compile(ThemeSet themes, List<Language> languages, int minTokenLength) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language to read");
        }
        Map<Language, ThemeMatcher> byLanguage = new EnumMap<>(Language.class);
        for (Language language : languages) {
            byLanguage.put(language, ThemeMatcher.compile(themes, new TextAnalyzer(language, minTokenLength)));
        }
        return new ThemeMatchers(languages, minTokenLength, byLanguage);
    }

    /** The languages read, the first for articles in any other language or too short to tell. */
    public List<Language> languages() {
        return languages;
    }

    /** The language articles are read in when theirs is not one of {@link #languages} or cannot be told. */
    public Language fallback() {
        return languages.get(0);
    }

    /** Whether articles are told apart by language at all: with one language, every article is read in it. */
    public boolean identifiesLanguages() {
        return languages.size() > 1;
    }

    /** The language an article in {@code code} (ISO 639-1; null when unknown) is read in. */
    public Language readAs(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst().orElse(fallback());
    }

    /** The rules compiled for {@code language}, one of {@link #languages}. */
    public ThemeMatcher in(Language language) {
        ThemeMatcher matcher = byLanguage.get(language);
        if (matcher == null) {
            throw new IllegalArgumentException("no rules compiled for " + language + "; the languages read are " + languages);
        }
        return matcher;
    }

    /** An analyzer for each language, for one task. */
    public Map<Language, TextAnalyzer> analyzers() {
        Map<Language, TextAnalyzer> analyzers = new EnumMap<>(Language.class);
        languages.forEach(l -> analyzers.put(l, new TextAnalyzer(l, minTokenLength)));
        return analyzers;
    }
}
