package io.creditflow.scoring.training;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.scoring.engine.CsvFormat;
import io.creditflow.scoring.engine.PdoScaling;
import io.creditflow.scoring.engine.TargetSpec;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * How to train: for a CSV, how to read it (target column, the event's value, separator, header, ignored columns);
 * for history, the window and the horizon; for both, the validation folds, the seed and the points scale.
 *
 * @param horizonDays collectability: "paid within this many days" after the case's date (default 30); acceptance:
 *                    the order went bad when its invoice was not paid within this many days after its due date
 *                    (default 60)
 */
public record TrainingParameters(String name, @Nullable String target, @Nullable String positive,
                                 @Nullable String separator, @Nullable Boolean header, @Nullable List<String> ignore,
                                 @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer horizonDays,
                                 @Nullable Integer folds, @Nullable Long seed, @Nullable Double baseScore,
                                 @Nullable Double baseOdds, @Nullable Double pdo) {

    public int foldsOrDefault() {
        return folds == null ? 10 : folds;
    }

    public long seedOrDefault() {
        return seed == null ? 42 : seed;
    }

    public int horizonOrDefault() {
        return horizonDays == null ? 30 : horizonDays;
    }

    public PdoScaling scaling() {
        PdoScaling defaults = PdoScaling.defaults();
        return new PdoScaling(baseScore == null ? defaults.baseScore() : baseScore,
                baseOdds == null ? defaults.baseOdds() : baseOdds, pdo == null ? defaults.pdo() : pdo);
    }

    CsvFormat csvFormat() {
        String typed = separator == null || separator.isEmpty() ? "," : separator;
        String sep = typed.equals("tab") || typed.equals("\\t") ? "\t" : typed;
        return new CsvFormat(sep, header == null || header, CsvFormat.DEFAULT_MISSING);
    }

    TargetSpec targetSpec() {
        return new TargetSpec(target, positive, new HashSet<>(ignore == null ? List.of() : ignore));
    }

    /** Checks what does not need the data; names every field that is wrong. */
    void validate(boolean csv) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (csv && (target == null || target.isBlank())) {
            errors.add(new FieldError("target", "required: the outcome column"));
        }
        if (csv && (positive == null || positive.isBlank())) {
            errors.add(new FieldError("positive", "required: the outcome value of the event (\"bad\")"));
        }
        if (separator != null && !separator.isEmpty() && separator.length() != 1 && !separator.equals("tab")
                && !separator.equals("\\t") && !separator.isBlank()) {
            errors.add(new FieldError("separator", "one character, a space (any run of blanks) or 'tab'"));
        }
        if (folds != null && (folds < 2 || folds > 20)) {
            errors.add(new FieldError("folds", "between 2 and 20"));
        }
        if (horizonDays != null && (horizonDays < 1 || horizonDays > 365)) {
            errors.add(new FieldError("horizonDays", "between 1 and 365"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "after 'to'"));
        }
        if ((baseOdds != null && baseOdds <= 0) || (pdo != null && pdo <= 0)) {
            errors.add(new FieldError(baseOdds != null && baseOdds <= 0 ? "baseOdds" : "pdo", "must be positive"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The training request is not valid.", errors);
        }
    }
}
