package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.pool.KeyPoolService;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters that page, filter and sort a pool's keys ({@code
 * ?offset=&limit=&status=&q=&sort=}), shared by the pool's list and its stats.
 */
public class KeyListParams {

  @QueryParam("offset")
  private Integer offset;

  @QueryParam("limit")
  private Integer limit;

  @QueryParam("status")
  private String status;

  @QueryParam("q")
  private String q;

  @QueryParam("sort")
  private String sort;

  /** The query, with {@code defaultLimit} when the request sets none. */
  KeyPoolService.ListQuery query(Integer defaultLimit) {
    return KeyPoolService.listQuery(offset, limit == null ? defaultLimit : limit, status, q, sort);
  }
}
