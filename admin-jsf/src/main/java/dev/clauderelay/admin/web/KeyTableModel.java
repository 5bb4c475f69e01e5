package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.KeyCounts;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.PoolKey;
import dev.clauderelay.admin.relay.KeyQuery;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The key-pool table's rows, one page at a time from the relay: the table's paging, sorting and
 * filters become a {@link KeyQuery}, so a pool of 10,000 keys costs the page only the rows it
 * shows.
 */
public class KeyTableModel extends LazyDataModel<PoolKey> {

  private static final long serialVersionUID = 1L;

  /** Reads a page; answers null when it could not (the page shows why). */
  public interface PageSource extends Serializable {
    KeyPoolStatus read(KeyQuery query);
  }

  static final String STATUS = "status";
  static final String TEXT = "key";

  private final PageSource source;
  private List<PoolKey> rows = List.of();
  private KeyPoolStatus lastPage;

  public KeyTableModel(PageSource source) {
    this.source = source;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    KeyPoolStatus page = source.read(query(0, 1, Map.of(), filterBy));
    if (page == null) {
      return 0;
    }
    lastPage = page;
    return page.keys().total();
  }

  @Override
  public List<PoolKey> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    KeyPoolStatus page = source.read(query(first, pageSize, sortBy, filterBy));
    if (page == null) {
      rows = List.of();
      return rows;
    }
    lastPage = page;
    setRowCount(page.keys().total());
    rows = page.keys().items();
    return rows;
  }

  /** The table's state as a query: the first sort column, the state and text filters. */
  static KeyQuery query(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String sortField = null;
    boolean descending = false;
    for (SortMeta sort : sortBy.values()) {
      if (sort.getOrder() != SortOrder.UNSORTED && sortField(sort.getField()) != null) {
        sortField = sortField(sort.getField());
        descending = sort.getOrder() == SortOrder.DESCENDING;
        break;
      }
    }
    return new KeyQuery(
        first, pageSize, filter(filterBy, STATUS), filter(filterBy, TEXT), sortField, descending);
  }

  /**
   * The relay's sort field for a table column: the key column sorts by id (the order keys were
   * added); a column the relay cannot sort by is not sortable on the page, and answers null here.
   */
  static String sortField(String field) {
    return SORTS.get(field);
  }

  private static final Map<String, String> SORTS =
      Map.of(
          TEXT,
          "id",
          STATUS,
          "status",
          "requests",
          "requests",
          "failures",
          "failures",
          "averageLatencyMs",
          "latency",
          "lastUsedAt",
          "lastUsed");

  private static String filter(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta meta = filterBy.get(field);
    Object value = meta == null ? null : meta.getFilterValue();
    return value == null ? null : value.toString();
  }

  @Override
  public String getRowKey(PoolKey key) {
    return Long.toString(key.id());
  }

  @Override
  public PoolKey getRowData(String rowKey) {
    for (PoolKey key : rows) {
      if (Long.toString(key.id()).equals(rowKey)) {
        return key;
      }
    }
    return null;
  }

  /** The whole pool's counts, as of the last page read; none before the first. */
  public KeyCounts counts() {
    return lastPage == null ? KeyCounts.NONE : lastPage.counts();
  }
}
