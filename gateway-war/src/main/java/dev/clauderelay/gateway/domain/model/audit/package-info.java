/** The audit log: who changed what, when and from where; never a secret. */
package dev.clauderelay.gateway.domain.model.audit;
