/** Secrets at rest: the master key, AES-GCM encryption, password and key hashing, masking. */
package dev.clauderelay.gateway.infrastructure.crypto;
