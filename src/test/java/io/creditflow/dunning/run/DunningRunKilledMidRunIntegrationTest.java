package io.creditflow.dunning.run;

import io.creditflow.support.ChildJvms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dunning run whose process is killed (SIGKILL, no shutdown hooks) in the middle, between batches, and a run
 * started after the restart: every due step is taken exactly once and every debtor gets one e-mail, none twice and
 * none lost. Creditflow runs in its own JVM on a persistent data directory ({@link DunningKillTarget}); the embedded
 * PostgreSQL outlives the killed JVM and the next start takes it over.
 */
class DunningRunKilledMidRunIntegrationTest {


    @RegisterExtension
    final ChildJvms jvms = new ChildJvms();

    @Test
    void aRunKilledBetweenBatchesLosesNothingAndDoublesNothingAfterTheRestart() throws Exception {
        Process first = start("run", "400");
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = reader(first)) {
            for (String line; (line = out.readLine()) != null; ) {
                seen.add(line);
                if (line.startsWith("CLAIMED 4 ")) {
                    break;
                }
            }
        }
        assertThat(seen).as("the run got as far as its fourth batch").anyMatch(l -> l.startsWith("CLAIMED 4 "));
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();

        String killed = check();
        long doneAtKill = number(killed, "done");
        long plannedAtKill = number(killed, "planned");
        assertThat(doneAtKill).as("some batches committed before the kill").isPositive();
        assertThat(plannedAtKill).as("and some were still to do").isPositive();
        assertThat(number(killed, "emails")).as("an e-mail only for what committed").isEqualTo(number(killed, "mailed"));

        List<String> rerun = lines(start("run", "0"));
        assertThat(rerun).anyMatch(l -> l.startsWith("RUN COMPLETED"));

        String after = check();
        assertThat(number(after, "planned")).as("nothing left to do").isZero();
        assertThat(number(after, "done")).as("every step that was due is done")
                .isGreaterThanOrEqualTo(doneAtKill + plannedAtKill);
        assertThat(number(after, "actions")).as("one action per (item, flow, step), ever")
                .isEqualTo(number(after, "steps"));
        assertThat(number(after, "emails")).as("one e-mail per debtor, none twice").isEqualTo(number(after, "mailed"))
                .isGreaterThan(number(killed, "emails"));
    }

    private String check() throws Exception {
        return lines(start("check")).stream().filter(l -> l.startsWith("CHECK ")).findFirst()
                .orElseThrow(() -> new AssertionError("the check printed nothing"));
    }

    private Process start(String... args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args[0], jvms.dataDir().toString()));
        arguments.addAll(List.of(args).subList(1, args.length));
        return jvms.start(DunningKillTarget.class.getName(), null, arguments);
    }

    private static List<String> lines(Process process) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = reader(process)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static long number(String check, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(check);
        assertThat(m.find()).as(check).isTrue();
        return Long.parseLong(m.group(1));
    }
}
