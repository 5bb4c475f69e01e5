/** The relay's launcher: embedded database, Payara Micro with both WARs, clean shutdown. */
package dev.clauderelay.launcher;
