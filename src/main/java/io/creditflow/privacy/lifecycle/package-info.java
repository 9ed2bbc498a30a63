/**
 * The tenant's lifecycle: retention schedules enforced by a daily job (with a dry run), and offboarding (the export
 * bundle within the promised working days, then deletion of everything and a deletion certificate).
 */
@NullMarked
package io.creditflow.privacy.lifecycle;

import org.jspecify.annotations.NullMarked;
