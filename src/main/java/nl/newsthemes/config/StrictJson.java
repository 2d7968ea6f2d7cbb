package nl.newsthemes.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.stream.Collectors;

/**
 * The one Jackson mapper that reads user-written JSON (job config and theme files). It refuses unknown keys, wrong
 * types (a string where a number belongs, a number where a list belongs), nulls for numbers and trailing garbage,
 * and never deserializes a type named in the input (no default typing). Errors become {@link ConfigException}s
 * that name the file and the JSON path of the bad value.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private StrictJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text into a tree, or fails with a message naming {@code what} (a file name). */
    public static JsonNode readTree(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(what + " is not valid JSON: " + e.getOriginalMessage()
                    + location(e));
        }
    }

    /** Binds a tree to {@code type}, turning Jackson's errors into messages a user can act on. */
    public static <T> T bind(JsonNode tree, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(String.format("%s: unknown key '%s' at %s; known keys there: %s",
                    what, e.getPropertyName(), path(e), known));
        } catch (InvalidFormatException e) {
            throw new ConfigException(String.format("%s: %s has the wrong value %s; it must be %s",
                    what, path(e), e.getValue(), typeName(e.getTargetType())));
        } catch (MismatchedInputException e) {
            throw new ConfigException(String.format("%s: %s has the wrong type; it must be %s",
                    what, path(e), typeName(e.getTargetType())));
        } catch (JsonProcessingException e) {
            throw new ConfigException(what + ": " + e.getOriginalMessage() + location(e));
        } catch (IllegalArgumentException e) {
            // Jackson wraps exceptions thrown by record constructors (our own validation) this way.
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ConfigException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ConfigException ce) {
                throw new ConfigException(what + ": " + ce.getMessage());
            }
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof MismatchedInputException m) || m.getPath().isEmpty()) {
            return "the top level";
        }
        StringBuilder sb = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return "'" + sb + "'";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : String.format(" (line %d, column %d)", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    }
}
