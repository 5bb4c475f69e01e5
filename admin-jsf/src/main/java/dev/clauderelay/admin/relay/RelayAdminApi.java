package dev.clauderelay.admin.relay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The wire contract of the gateway's admin API. Bodies stay strings here; {@link AdminApiJson}
 * turns them into records, so a change of shape breaks one tested class, not the pages.
 *
 * <p>Every call carries {@code X-Forwarded-For} with the browser's address: the gateway believes it
 * from this console ({@link ConsoleProofHeader}), so its sign-in throttle locks out one attacker,
 * not every console user.
 */
@RegisterRestClient(configKey = "relay-admin-api")
@Produces(MediaType.APPLICATION_JSON)
public interface RelayAdminApi {

  String FORWARDED_FOR = "X-Forwarded-For";

  @POST
  @Path("api/admin/auth")
  @Consumes(MediaType.APPLICATION_JSON)
  String signIn(String credentials, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/auth")
  void signOut(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/plugins")
  String plugins(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  String AUTH = HttpHeaders.AUTHORIZATION;

  // Generic reads and writes of the admin API's resources, for the console's pages. The path is
  // built by RelayAdminClient from fixed segments and numeric ids only.

  @GET
  @Path("api/admin/{resource}")
  String get(
      @PathParam("resource") String resource,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/{resource}/{id}")
  String get(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/{resource}")
  @Consumes(MediaType.APPLICATION_JSON)
  String post(
      @PathParam("resource") String resource,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/{resource}/{id}/{sub}")
  @Consumes(MediaType.APPLICATION_JSON)
  String post(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @PathParam("sub") String sub,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/{resource}/{id}/{sub}/{subId}")
  @Consumes(MediaType.APPLICATION_JSON)
  String post(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @PathParam("sub") String sub,
      @PathParam("subId") String subId,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/{resource}/{id}/{sub}/{subId}/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  String post(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @PathParam("sub") String sub,
      @PathParam("subId") String subId,
      @PathParam("action") String action,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/{resource}/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  String put(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/{resource}/{id}/{sub}/{subId}")
  @Consumes(MediaType.APPLICATION_JSON)
  String put(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @PathParam("sub") String sub,
      @PathParam("subId") String subId,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/{resource}/{id}")
  void delete(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/{resource}/{id}/{sub}/{subId}")
  void delete(
      @PathParam("resource") String resource,
      @PathParam("id") String id,
      @PathParam("sub") String sub,
      @PathParam("subId") String subId,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** The usage series: {@code GET /api/admin/usage?hours=&providerId=&keyId=}. */
  @GET
  @Path("api/admin/usage")
  String usage(
      @QueryParam("hours") int hours,
      @QueryParam("providerId") Long providerId,
      @QueryParam("keyId") Long keyId,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** A page of a provider's key pool (the key-pool API). */
  @GET
  @Path("api/admin/key-pool/{providerId}")
  String keyPoolPage(
      @PathParam("providerId") long providerId,
      @QueryParam("offset") int offset,
      @QueryParam("limit") int limit,
      @QueryParam("status") String status,
      @QueryParam("q") String query,
      @QueryParam("sort") String sort,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Recovers a pool's rested keys and probes up to {@code probe} invalid ones. */
  @POST
  @Path("api/admin/key-pool/{providerId}/maintenance")
  @Consumes(MediaType.APPLICATION_JSON)
  String keyPoolMaintenance(
      @PathParam("providerId") long providerId,
      @QueryParam("probe") int probe,
      String body,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /**
   * A pool's (or with {@code keyId} one key's) totals and hourly series; {@code limit} bounds the
   * page of per-key counters the answer also carries.
   */
  @GET
  @Path("api/admin/key-pool/{providerId}/stats")
  String keyPoolStats(
      @PathParam("providerId") long providerId,
      @QueryParam("keyId") Long keyId,
      @QueryParam("hours") int hours,
      @QueryParam("limit") int limit,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Needs no token; answers 503 with the same body when the relay is down. */
  @GET
  @Path("health")
  String health();
}
