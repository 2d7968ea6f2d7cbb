package nl.newsthemes.ingest;

import org.apache.spark.sql.Column;

import java.util.Arrays;
import java.util.Comparator;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Why a file or record was rejected. Each reason in the {@code rejects} table is its kind's label, then what was
 * found ({@link #because}); the label is the one place its words live: readers find a kind by it ({@link #of}),
 * the manifest counts rejects per kind, and README's "Input" table lists the labels. Rewording a label rewords the
 * reasons, the counts and what incremental runs look for at once.
 */
public enum RejectReason {
    UNSUPPORTED_FILE_TYPE("unsupported file type"),
    TOO_LARGE("too large"),
    DISAPPEARED("disappeared after listing"),
    UNREADABLE("unreadable"),
    BINARY_DATA("binary data"),
    NOT_UTF8("not UTF-8 text"),
    NOT_UTF16("not UTF-16 text"),
    EMPTY_FILE("empty file"),
    EMPTY_TEXT("empty text"),
    NO_DATE_HEADER("no date header"),
    INVALID_DATE_HEADER("invalid date header"),
    MISSING_DATE("missing date"),
    INVALID_DATE("invalid date"),
    MALFORMED_RECORD("malformed record"),
    /** The record column of such a reject holds the doc_id (incremental runs read it, see nightly.DuplicateRereads). */
    DUPLICATE_ID("duplicate doc_id");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The words every reason of this kind starts with. */
    public String label() {
        return label;
    }

    /** The reason with what was found: {@code label: detail}. */
    public String because(String detail) {
        return label + ": " + detail;
    }

    /** The reason with its label followed by {@code rest} as written (a quoted value, a space and an id). */
    public String followedBy(String rest) {
        return label + rest;
    }

    /**
     * The label of the kind a {@code reasons} column's values are of; a reason of no known kind stays as it is, so
     * that nothing is counted under a wrong name. The longest label is tried first: "invalid date header" is also
     * an "invalid date".
     */
    public static Column of(Column reasons) {
        RejectReason[] longestFirst = values().clone();
        Arrays.sort(longestFirst, Comparator.comparingInt((RejectReason r) -> r.label.length()).reversed());
        Column kind = null;
        for (RejectReason reason : longestFirst) {
            Column matches = reasons.startsWith(reason.label);
            kind = kind == null ? when(matches, lit(reason.label)) : kind.when(matches, lit(reason.label));
        }
        return kind.otherwise(reasons);
    }

    /** Whether the values of a {@code reasons} column are of this kind. */
    public Column isKindOf(Column reasons) {
        return of(reasons).equalTo(lit(label));
    }
}
