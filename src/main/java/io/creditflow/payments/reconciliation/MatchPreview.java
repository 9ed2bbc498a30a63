package io.creditflow.payments.reconciliation;

import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.matching.MatchOutcome;
import io.creditflow.payments.matching.Matcher;
import io.creditflow.payments.matching.OpenAmounts;
import io.creditflow.payments.statement.BankStatementReader;
import io.creditflow.payments.statement.StatementEntry;
import io.creditflow.payments.statement.StatementHandler;
import io.creditflow.payments.statement.StatementHeader;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and matches a statement file against the tenant's invoices without storing or applying anything: what an
 * import would do, payment by payment. The same matcher and lookups as the import, so the benchmark measures parsing
 * and matching through it.
 */
@Component
public class MatchPreview {

    /** One payment of the file and what matching proposes for it. */
    public record Previewed(String entryReference, int txIndex, MatchOutcome outcome, boolean automatic) {
    }

    private final TenantScope tenantScope;
    private final DatabaseCandidates candidates;
    private final PaymentSettingsStore settings;

    MatchPreview(TenantScope tenantScope, DatabaseCandidates candidates, PaymentSettingsStore settings) {
        this.tenantScope = tenantScope;
        this.candidates = candidates;
        this.settings = settings;
    }

    /** Returns the number of payments matched; {@code each} sees them in file order. */
    public int preview(InputStream in, Consumer<Previewed> each) {
        return tenantScope.inTenant(TenantContext.require(), () -> {
            PaymentSettings current = settings.current();
            Matcher matcher = new Matcher(candidates, new Matcher.Settings(current.autoApplyThreshold(),
                    current.writeOffTolerance()));
            Run run = new Run(matcher, current.autoApplyThreshold(), each);
            new BankStatementReader().read(in, run);
            run.flush();
            return run.count;
        });
    }

    private static final class Run implements StatementHandler {
        private final Matcher matcher;
        private final double threshold;
        private final Consumer<Previewed> each;
        private final OpenAmounts open = new OpenAmounts();
        private List<StatementLine> buffer = new ArrayList<>();
        private int count;

        Run(Matcher matcher, double threshold, Consumer<Previewed> each) {
            this.matcher = matcher;
            this.threshold = threshold;
            this.each = each;
        }

        @Override
        public void entry(StatementHeader statement, StatementEntry entry) {
            for (StatementLine line : StatementLine.of(statement, entry, "line-" + entry.lineNumber())) {
                if (line.kind() == StatementLine.Kind.PAYMENT && !line.batchWithoutDetails()) {
                    buffer.add(line);
                }
            }
            if (buffer.size() >= ImportRun.CHUNK) {
                flush();
            }
        }

        void flush() {
            List<StatementLine> lines = buffer;
            buffer = new ArrayList<>();
            List<MatchOutcome> outcomes = matcher.match(lines.stream().map(ImportRun::item).toList(), open);
            for (int i = 0; i < lines.size(); i++) {
                each.accept(new Previewed(lines.get(i).entryRef(), lines.get(i).txIndex(), outcomes.get(i),
                        outcomes.get(i).automatic(threshold)));
            }
            count += lines.size();
        }
    }
}
