package dev.clauderelay.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CommonPoolSizeTest {

  @Test
  void smallMachinesGetTwoCommonPoolThreads() {
    for (int processors = 1; processors <= 2; processors++) {
      Properties system = new Properties();
      CommonPoolSize.ensurePool(processors, system);
      assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("2");
    }
  }

  @Test
  void largerMachinesKeepTheJvmsChoice() {
    Properties system = new Properties();
    CommonPoolSize.ensurePool(3, system);
    assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isNull();
  }

  @Test
  void anOperatorsSettingIsKept() {
    Properties system = new Properties();
    system.setProperty(CommonPoolSize.PARALLELISM, "1");
    CommonPoolSize.ensurePool(2, system);
    assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("1");
  }
}
