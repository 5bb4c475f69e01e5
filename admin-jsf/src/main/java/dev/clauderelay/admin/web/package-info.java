/**
 * The console's pages and what guards them: Faces beans named after the use case, the session that
 * holds the admin token, the language choice and the servlet filters.
 */
package dev.clauderelay.admin.web;
