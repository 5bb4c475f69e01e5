/** Named relay-wide settings kept in the database (admin password hash, default model...). */
package dev.clauderelay.gateway.domain.model.setting;
