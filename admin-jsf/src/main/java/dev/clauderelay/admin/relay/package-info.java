/**
 * The gateway's admin REST API as the console sees it: the MicroProfile REST Client, the records
 * the pages use and the failures a person can act on. Nothing outside this package sees JSON.
 */
package dev.clauderelay.admin.relay;
