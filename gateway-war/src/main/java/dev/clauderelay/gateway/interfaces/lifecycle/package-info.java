/**
 * How the relay stops: the launcher, in the same JVM but outside the application, tells the gateway
 * to take no new requests and watches those in flight finish, through a platform MBean.
 */
package dev.clauderelay.gateway.interfaces.lifecycle;
