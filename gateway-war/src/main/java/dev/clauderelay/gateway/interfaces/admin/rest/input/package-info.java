/**
 * The admin API's request bodies, with their Bean Validation constraints. Kept out of the OpenAPI
 * scan: Payara's scanner fails on constraints of record components.
 */
package dev.clauderelay.gateway.interfaces.admin.rest.input;
