/** The portal's pages (public, guarded by the portal session) and its console pages (branding, messages). */
@NullMarked
package io.creditflow.portal.web;

import org.jspecify.annotations.NullMarked;
