package dev.clauderelay.gateway.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource class or method that answers without an admin session: sign-in, health,
 * the client API's connectivity probes and model list (which checks client keys itself). Every
 * resource method without it needs an admin session ({@link AdminAccessFilter}), so a resource
 * added tomorrow is closed until someone opens it here on purpose.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicAccess {

  /** Why this needs no admin session, for the reader. */
  String value();
}
