/** The collection module's REST API, the agency callback endpoint and the console pages. */
@NullMarked
package io.creditflow.collection.web;

import org.jspecify.annotations.NullMarked;
