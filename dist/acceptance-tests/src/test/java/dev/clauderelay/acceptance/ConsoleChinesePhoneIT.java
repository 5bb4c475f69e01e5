package dev.clauderelay.acceptance;

import org.openqa.selenium.Dimension;

/**
 * The console's journeys in Simplified Chinese, picked from the browser's language, on a 375 px
 * phone-sized window.
 */
class ConsoleChinesePhoneIT extends ConsoleJourneys {

  @Override
  String language() {
    return "zh-CN";
  }

  @Override
  Dimension size() {
    return Browser.PHONE;
  }

  @Override
  String name() {
    return "zh";
  }
}
