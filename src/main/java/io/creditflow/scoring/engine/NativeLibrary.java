package io.creditflow.scoring.engine;

/**
 * XGBoost's native library brings its own OpenMP runtime. OpenMP threads spin while idle unless
 * OMP_WAIT_POLICY=PASSIVE is set before the library loads (an environment variable: the JVM cannot set it for
 * itself), which on a shared machine burns cores between calls. We cannot fix that from here, only say it once.
 */
final class NativeLibrary {

    private static volatile boolean checked;

    private NativeLibrary() {
    }

    static void check() {
        if (!checked) {
            checked = true;
            if (!"PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"))) {
                System.getLogger(NativeLibrary.class.getName()).log(System.Logger.Level.INFO,
                        "OMP_WAIT_POLICY is not PASSIVE: XGBoost's OpenMP threads may spin on idle cores");
            }
        }
    }
}
