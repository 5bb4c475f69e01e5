package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The console's journeys in English (the browser's language) on a desktop-sized window. */
class ConsoleEnglishDesktopIT extends ConsoleJourneys {

  @Override
  String language() {
    return "en-US";
  }

  @Override
  Dimension size() {
    return Browser.DESKTOP;
  }

  @Override
  String name() {
    return "en";
  }

  @Test
  @Order(2)
  void theLanguageSwitchShowsTheSamePageInChineseAndBack() {
    openPool("traffic");
    assertThat(browser().text(By.id("tab-providers"))).isEqualTo("Providers");
    browser()
        .click(
            By.xpath(
                "//*[@id='languageSwitch']//div[contains(@class,'ui-button')]"
                    + "[.//input[@value='zh-CN']]"));
    browser().waitForText(By.id("tab-providers"), "服务提供方");
    assertThat(browser().driver().getCurrentUrl()).contains("keypool.xhtml").contains("provider=");
    assertThat(browser().text(By.id("pool:keyTable"))).contains("sk-traf");
    browser().screenshots("language-switched-to-chinese");
    browser()
        .click(
            By.xpath(
                "//*[@id='languageSwitch']//div[contains(@class,'ui-button')]"
                    + "[.//input[@value='en']]"));
    browser().waitForText(By.id("tab-providers"), "Providers");
  }
}
