/**
 * Bearer tokens that Gapura issues to its users for scripts and front-ends: opaque, expiring, revocable, kept in
 * the region's database (only their SHA-256 hash), so that every node of a region accepts and refuses the same
 * tokens. Used by the platform's REST plumbing and console; modules never need them. And {@link
 * id.gapura.api.security.Users}: whether a user name is one of the realm's users, for modules that record names.
 */
@Export
@Version("2.0.0")
package id.gapura.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
