/**
 * The platform core: the module catalog, installing and removing modules at run time through Karaf's
 * features service, the desired set of installed modules kept in the database, and schema migrations.
 * Nothing here is exported; other bundles use the services declared in {@code id.gapura.api}.
 */
package id.gapura.core;
