package io.jxengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code jxe-version.properties} at build time. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/jxe-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"jxe " + p.getProperty("version", "unknown")};
  }
}
