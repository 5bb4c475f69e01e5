package dev.clauderelay.gateway.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AdminAccessRuleTest {

  /**
   * Every resource method open without an admin session, by name. A method added to this list is a
   * decision a reviewer sees; a method opened by accident fails here.
   */
  private static final Set<String> OPEN_ON_PURPOSE =
      Set.of(
          "AuthResource.signIn",
          "ClientApiResource.models",
          "ClientApiResource.probeHello",
          "ClientApiResource.probeRoot",
          "ClientApiResource.root",
          "HealthResource$Root.get",
          "HealthResource$V1.get");

  @Test
  void opensOnlyTheMethodsListedOnPurposeAndClosesEveryOther() throws Exception {
    Set<String> open = new TreeSet<>();
    Set<String> closed = new TreeSet<>();
    for (Class<?> resource : resourceClasses()) {
      for (Method method : resource.getDeclaredMethods()) {
        if (!isResourceMethod(method)) {
          continue;
        }
        String name =
            resource.getName().substring(resource.getPackageName().length() + 1)
                + "."
                + method.getName();
        (AdminAccessFilter.isPublic(resource, method) ? open : closed).add(name);
      }
    }
    assertThat(open).containsExactlyInAnyOrderElementsOf(OPEN_ON_PURPOSE);
    assertThat(closed)
        .contains(
            "ConfigExportResource.export", "ClientKeysResource.create", "AuthResource.signOut")
        .hasSizeGreaterThan(30);
  }

  @Test
  void closesMethodsThatBelongToNoResourceOfTheRelay() throws Exception {
    Method jaxRsOwn = Object.class.getMethod("toString");
    assertThat(AdminAccessFilter.isPublic(Object.class, jaxRsOwn)).isFalse();
    assertThat(AdminAccessFilter.isPublic(null, null)).isFalse();
  }

  @Test
  void readsOnlyABearerToken() {
    assertThat(AdminAccessFilter.bearerToken("Bearer abc ")).isEqualTo("abc");
    assertThat(AdminAccessFilter.bearerToken("bearer abc")).isEqualTo("abc");
    assertThat(AdminAccessFilter.bearerToken("Basic abc")).isNull();
    assertThat(AdminAccessFilter.bearerToken(null)).isNull();
  }

  private static boolean isResourceMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }

  /** The compiled classes of the gateway that JAX-RS would serve. */
  private static List<Class<?>> resourceClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    java.nio.file.Path root =
        Paths.get(
            AdminAccessFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, AdminAccessRuleTest.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          classes.add(type);
        }
      }
    }
    assertThat(classes).hasSizeGreaterThan(10);
    return classes;
  }
}
