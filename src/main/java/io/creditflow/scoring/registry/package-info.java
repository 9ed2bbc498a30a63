/**
 * The model registry per tenant and purpose: trained versions with their model cards, the champion and challenger
 * roles (changed only by a person, audited), export and import as JSON, and the cache of the active models that
 * serves scores in-process and is invalidated on every node when a person activates a model.
 */
@NullMarked
package io.creditflow.scoring.registry;

import org.jspecify.annotations.NullMarked;
