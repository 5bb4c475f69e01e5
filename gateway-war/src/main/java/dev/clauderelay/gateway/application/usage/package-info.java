/** Usage accounting: one record per request, written asynchronously in batches. */
package dev.clauderelay.gateway.application.usage;
