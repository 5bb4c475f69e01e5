/** The relay as users run it: bin/relay started, used over HTTP and stopped, as a process. */
package dev.clauderelay.acceptance;
