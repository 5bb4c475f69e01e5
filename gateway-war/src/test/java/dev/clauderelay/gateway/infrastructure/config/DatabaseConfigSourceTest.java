package dev.clauderelay.gateway.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseConfigSourceTest {

  @Test
  void addsEncodedCredentialsAsUrlParameters() {
    assertThat(
            DatabaseConfigSource.withCredentials(
                "jdbc:mariadb://db:3306/relay", "relay", "p&ss=w rd"))
        .isEqualTo("jdbc:mariadb://db:3306/relay?user=relay&password=p%26ss%3Dw+rd");
  }

  @Test
  void leavesOutAnEmptyPasswordAndKeepsExistingParameters() {
    assertThat(
            DatabaseConfigSource.withCredentials(
                "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", ""))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000&user=root");
  }

  @Test
  void doesNotOverrideCredentialsAlreadyInTheUrl() {
    assertThat(
            DatabaseConfigSource.withCredentials(
                "jdbc:mariadb://db/relay?user=a&password=b", "c", "d"))
        .isEqualTo("jdbc:mariadb://db/relay?user=a&password=b");
  }
}
