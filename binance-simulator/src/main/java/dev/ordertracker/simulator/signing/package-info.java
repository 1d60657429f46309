/** Signature verification (HMAC-SHA256 hex, Ed25519 and RSA base64) and the exact signed payloads. */
package dev.ordertracker.simulator.signing;
