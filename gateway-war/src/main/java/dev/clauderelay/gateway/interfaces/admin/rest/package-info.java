/** The admin REST API under {@code /api/admin}: every call but sign-in needs an admin token. */
package dev.clauderelay.gateway.interfaces.admin.rest;
