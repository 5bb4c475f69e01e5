package dev.clauderelay.gateway.infrastructure.upstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * An upstream's answer in the JDK's {@link HttpResponse} shape the request path reads: status,
 * headers (looked up regardless of case) and body.
 */
record UpstreamResponse<T>(URI uri, int statusCode, HttpHeaders headers, T body)
    implements HttpResponse<T> {

  static HttpHeaders headers(HttpFields fields) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : fields) {
      if (field.getName() != null && field.getValue() != null) {
        map.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
      }
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  @Override
  public HttpRequest request() {
    return HttpRequest.newBuilder(uri).build();
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }
}
