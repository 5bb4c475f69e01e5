package dev.clauderelay.gateway.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The gateway WAR the build produced, for every IT class's {@code @Deployment}. */
final class RelayWar {

  private RelayWar() {}

  /** As ROOT.war: deployed at "/", where clients expect the relay. */
  static WebArchive asBuilt() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("relay.test.war")))
        .as(WebArchive.class);
  }

  /** As built, with a clock the test moves ({@code GET /it-clock?advanceMillis=}). */
  static WebArchive withMovableClock() {
    return asBuilt()
        .addClasses(
            dev.clauderelay.gateway.testclock.MovableRelayClock.class,
            dev.clauderelay.gateway.testclock.ClockServlet.class);
  }
}
