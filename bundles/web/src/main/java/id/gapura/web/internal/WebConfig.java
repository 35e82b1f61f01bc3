package id.gapura.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the REST API, PID {@code id.gapura.web} (file {@code etc/id.gapura.web.cfg}). Every component
 * of this bundle that has a setting reads it from here, so that one file documents them all.
 */
@ObjectClassDefinition(name = "Gapura web", description = "Limits and security of the REST API")
public @interface WebConfig {

    String PID = "id.gapura.web";

    @AttributeDefinition(description = "Largest request body accepted, in bytes (default 1 MiB)")
    long maxRequestBytes() default 1_048_576;

    @AttributeDefinition(description = "JAAS realm that REST callers log in to with HTTP Basic; the console's realm "
            + "by default, so that console and API share one user store")
    String realm() default "karaf";

    @AttributeDefinition(description = "How long a successful login is remembered, in seconds, so that a script does "
            + "not pay the password hash on every request; a changed password or role applies after at most this "
            + "long. 0 checks every request against the realm")
    int authCacheSeconds() default 60;

    @AttributeDefinition(description = "Requests per minute one client address may make to public endpoints "
            + "without credentials; more get 429 with Retry-After. 0 turns the limit off")
    int publicRequestsPerMinute() default 300;

    @AttributeDefinition(description = "Failed logins per minute from one client address; after that every login "
            + "attempt from it gets 429 with Retry-After until the budget refills. 0 turns the limit off")
    int failedLoginsPerMinute() default 10;

    @AttributeDefinition(description = "How long a bearer token found valid is trusted on this node without asking "
            + "the database again, in seconds: a token revoked elsewhere is refused here after at most this long. "
            + "0 asks the database at every request")
    int tokenCacheSeconds() default 10;
}
