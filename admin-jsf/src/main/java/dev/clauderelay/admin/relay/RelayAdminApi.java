package dev.clauderelay.admin.relay;

import dev.clauderelay.admin.api.AccountList;
import dev.clauderelay.admin.api.AccountRefreshed;
import dev.clauderelay.admin.api.AccountRequest;
import dev.clauderelay.admin.api.AccountSignInRequest;
import dev.clauderelay.admin.api.AccountSignInStarted;
import dev.clauderelay.admin.api.AdminSignIn;
import dev.clauderelay.admin.api.AdminToken;
import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.api.ClientKeyList;
import dev.clauderelay.admin.api.ClientKeyRequest;
import dev.clauderelay.admin.api.ClientKeyView;
import dev.clauderelay.admin.api.CostReport;
import dev.clauderelay.admin.api.IssuedClientKey;
import dev.clauderelay.admin.api.KeyBatchRequest;
import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyOperationRequest;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.ModelCatalog;
import dev.clauderelay.admin.api.ModelSelectionRequest;
import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.PluginChange;
import dev.clauderelay.admin.api.PresetList;
import dev.clauderelay.admin.api.PriceList;
import dev.clauderelay.admin.api.PriceRequest;
import dev.clauderelay.admin.api.PriceView;
import dev.clauderelay.admin.api.ProviderList;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.RelayHealth;
import dev.clauderelay.admin.api.RouteList;
import dev.clauderelay.admin.api.RouteRequest;
import dev.clauderelay.admin.api.RouteView;
import dev.clauderelay.admin.api.SessionUsageReport;
import dev.clauderelay.admin.api.UsageReport;
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
 * The gateway's admin API, one typed method per resource and action, answering the contract's
 * records ({@link AdminApiJson} does the mapping).
 *
 * <p>Every call carries {@code X-Forwarded-For} with the browser's address: the gateway believes it
 * from this console ({@link ConsoleProofHeader}), so its sign-in throttle locks out one attacker,
 * not every console user; every call but sign-in and health carries the admin token.
 */
@RegisterRestClient(configKey = "relay-admin-api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RelayAdminApi {

  String FORWARDED_FOR = "X-Forwarded-For";
  String AUTH = HttpHeaders.AUTHORIZATION;

  @POST
  @Path("api/admin/auth")
  AdminToken signIn(AdminSignIn credentials, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/auth")
  void signOut(@HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/plugins")
  PluginCatalog plugins(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Uploads a plugin jar (the bytes as the body); the relay names the file and starts it. */
  @POST
  @Path("api/admin/plugins")
  @Consumes("application/java-archive")
  PluginChange uploadPlugin(
      byte[] jar,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/plugins/{id}/enable")
  PluginChange enablePlugin(
      @PathParam("id") String id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Refused (409) when a provider uses the plugin, unless {@code force}. */
  @POST
  @Path("api/admin/plugins/{id}/disable")
  PluginChange disablePlugin(
      @PathParam("id") String id,
      @QueryParam("force") boolean force,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Unloads the plugin and deletes its jar; refused as {@link #disablePlugin} is. */
  @DELETE
  @Path("api/admin/plugins/{id}")
  PluginChange removePlugin(
      @PathParam("id") String id,
      @QueryParam("force") boolean force,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Providers

  @GET
  @Path("api/admin/providers")
  ProviderList providers(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/providers/{id}")
  ProviderView provider(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/providers/presets")
  PresetList presets(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/providers")
  ProviderView createProvider(
      ProviderRequest provider,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/providers/{id}")
  ProviderView updateProvider(
      @PathParam("id") long id,
      ProviderRequest change,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/providers/{id}")
  void deleteProvider(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // A provider's key pool

  /** A page of the pool's keys: {@code status} a state, {@code q} a text, {@code sort} a field. */
  @GET
  @Path("api/admin/key-pool/{providerId}")
  KeyPoolStatus keyPool(
      @PathParam("providerId") long providerId,
      @QueryParam("offset") int offset,
      @QueryParam("limit") int limit,
      @QueryParam("status") String status,
      @QueryParam("q") String query,
      @QueryParam("sort") String sort,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/key-pool/{providerId}/keys/batch")
  KeyBatchResult importKeys(
      @PathParam("providerId") long providerId,
      KeyBatchRequest batch,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/key-pool/{providerId}/keys/batch-operation")
  KeyOperationReport operateOnKeys(
      @PathParam("providerId") long providerId,
      KeyOperationRequest operation,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/key-pool/{providerId}/keys/{keyId}/test")
  KeyTestResult testKey(
      @PathParam("providerId") long providerId,
      @PathParam("keyId") long keyId,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Recovers a pool's rested keys and probes up to {@code probe} invalid ones. */
  @POST
  @Path("api/admin/key-pool/{providerId}/maintenance")
  MaintenanceReport maintainPool(
      @PathParam("providerId") long providerId,
      @QueryParam("probe") int probe,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /**
   * A pool's (or with {@code keyId} one key's) totals and hourly series; {@code limit} bounds the
   * page of per-key counters the answer also carries.
   */
  @GET
  @Path("api/admin/key-pool/{providerId}/stats")
  KeyPoolStats poolStats(
      @PathParam("providerId") long providerId,
      @QueryParam("keyId") Long keyId,
      @QueryParam("hours") int hours,
      @QueryParam("limit") int limit,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Routing

  @GET
  @Path("api/admin/models")
  ModelCatalog models(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/select-model")
  RouteView selectModel(
      ModelSelectionRequest selection,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/routes")
  RouteList routes(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/routes")
  RouteView createRoute(
      RouteRequest route,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/routes/{id}")
  RouteView updateRoute(
      @PathParam("id") long id,
      RouteRequest change,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/routes/{id}")
  void deleteRoute(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Client keys

  @GET
  @Path("api/admin/client-keys")
  ClientKeyList clientKeys(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/client-keys")
  IssuedClientKey createClientKey(
      ClientKeyRequest key,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/client-keys/{id}")
  ClientKeyView updateClientKey(
      @PathParam("id") long id,
      ClientKeyRequest change,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/client-keys/{id}")
  void deleteClientKey(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Prices

  @GET
  @Path("api/admin/prices")
  PriceList prices(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/prices")
  PriceView createPrice(
      PriceRequest price,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @PUT
  @Path("api/admin/prices/{id}")
  PriceView updatePrice(
      @PathParam("id") long id,
      PriceRequest price,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/prices/{id}")
  void deletePrice(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Claude accounts

  @GET
  @Path("api/admin/claude-accounts")
  AccountList accounts(
      @HeaderParam(AUTH) String bearer, @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/claude-accounts")
  ClaudeAccountView createAccount(
      AccountRequest account,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @DELETE
  @Path("api/admin/claude-accounts/{id}")
  void deleteAccount(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Without a code: starts the OAuth sign-in. */
  @POST
  @Path("api/admin/claude-accounts/{id}/auth")
  AccountSignInStarted startSignIn(
      @PathParam("id") long id,
      AccountSignInRequest noCode,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** With the {@code code#state} Claude showed: completes it. */
  @POST
  @Path("api/admin/claude-accounts/{id}/auth")
  ClaudeAccountView completeSignIn(
      @PathParam("id") long id,
      AccountSignInRequest code,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @POST
  @Path("api/admin/claude-accounts/{id}/refresh")
  AccountRefreshed refreshAccount(
      @PathParam("id") long id,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  // Usage

  @GET
  @Path("api/admin/usage")
  UsageReport usage(
      @QueryParam("hours") int hours,
      @QueryParam("providerId") Long providerId,
      @QueryParam("keyId") Long keyId,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/usage/cost")
  CostReport cost(
      @QueryParam("hours") int hours,
      @QueryParam("by") String by,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** The request log of a period as CSV, streamed. */
  @GET
  @Path("api/admin/usage/requests.csv")
  @Produces("text/csv")
  java.io.InputStream requestsCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  @GET
  @Path("api/admin/usage/sessions")
  SessionUsageReport sessionUsage(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @HeaderParam(AUTH) String bearer,
      @HeaderParam(FORWARDED_FOR) String browserAddress);

  /** Needs no token; answers 503 with the same body when the relay is down. */
  @GET
  @Path("health")
  RelayHealth health();
}
