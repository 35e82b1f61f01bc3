/**
 * REST plumbing for every resource of the platform and the modules (all in the whiteboard's default application):
 * JSON through Jackson, one RFC 9457 problem+json format for every failure, request size limits; and the
 * platform's own resources {@code /api/modules} and {@code /api/health} in the whiteboard's default application.
 */
package id.gapura.web;
