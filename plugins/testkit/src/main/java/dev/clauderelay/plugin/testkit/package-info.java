/** Test support for plugins and the relay: stream grammar, SSE fixtures, golden files. */
package dev.clauderelay.plugin.testkit;
