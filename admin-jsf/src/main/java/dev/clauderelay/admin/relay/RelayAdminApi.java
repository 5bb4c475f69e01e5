package dev.clauderelay.admin.relay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The wire contract of the gateway's admin API. Bodies stay strings here; {@link AdminApiJson}
 * turns them into records, so a change of shape breaks one tested class, not the pages.
 *
 * <p>Every call carries {@code X-Forwarded-For} with the browser's address: the gateway trusts it
 * from the console's loopback address, so its sign-in throttle locks out one attacker, not every
 * console user.
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

  /** Needs no token; answers 503 with the same body when the relay is down. */
  @GET
  @Path("health")
  String health();
}
