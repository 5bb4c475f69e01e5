/**
 * The gateway's admin REST API as records: each answer and each request body, in the field order
 * and with the absent or {@code null} fields the wire has. The gateway writes and reads them, the
 * console reads and writes them, so a change of shape breaks the build on both sides.
 *
 * <p>Instants are ISO-8601 strings on the wire (a mapper with Jackson's {@code JavaTimeModule} and
 * {@code WRITE_DATES_AS_TIMESTAMPS} off), states and classes lower-case names. A field marked
 * {@code required} must be in an answer: a reader refuses an answer without it. Request records
 * leave out their {@code null} fields, which the gateway reads as "keep the current value".
 */
package dev.clauderelay.admin.api;
