package dev.leakhunter.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jar this command runs from: the one it loads into the target, so the CLI and the agent are
 * always the same version.
 */
final class AgentJar {

  private AgentJar() {
  }

  static Path locate() throws Cli.UsageException {
    Path path;
    try {
      CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
      path = Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      throw new Cli.UsageException("cannot tell which jar this runs from (" + e + "); run java -jar leakhunter.jar");
    }
    if (!Files.isRegularFile(path)) {
      throw new Cli.UsageException("this runs from " + path + ", not from the agent jar; run java -jar leakhunter.jar");
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      Manifest m = jar.getManifest();
      if (m == null || m.getMainAttributes().getValue("Agent-Class") == null) {
        throw new Cli.UsageException(path + " is not the leakhunter agent jar (no Agent-Class in its manifest)");
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot read " + path + ": " + e.getMessage());
    }
    return path;
  }
}
