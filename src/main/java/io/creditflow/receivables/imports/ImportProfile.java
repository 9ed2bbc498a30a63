package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * How to read a tenant's CSV export: which column holds which field, and optionally the separator, encoding, decimal
 * separator and date format (null: detect). {@link #DEFAULT} is the documented header with detection everywhere.
 */
public record ImportProfile(@Nullable UUID id, String name, ImportKind kind, @Nullable Character separator,
                            @Nullable String encoding, DecimalSeparator decimalSeparator, @Nullable String dateFormat,
                            Map<ImportField, String> mapping) {

    public ImportProfile {
        mapping = Map.copyOf(mapping);
    }

    public static final ImportProfile DEFAULT = defaults(ImportKind.INVOICES);

    public static ImportProfile defaults(ImportKind kind) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            if (f.appliesTo(kind)) {
                mapping.put(f, f.column());
            }
        }
        return new ImportProfile(null, "default", kind, null, null, DecimalSeparator.AUTO, null, mapping);
    }

    /** The column header this profile reads the field from (the default name when the mapping does not say). */
    public String columnOf(ImportField field) {
        return mapping.getOrDefault(field, field.column());
    }
}
