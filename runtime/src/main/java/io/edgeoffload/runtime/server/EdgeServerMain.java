package io.edgeoffload.runtime.server;

import io.edgeoffload.runtime.model.SplitModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A bare edge-server process without the command line's options parsing, for tests that must kill a
 * real server process and for scripts: {@code EdgeServerMain MODEL POINTS PORT_FILE [MAX_SESSIONS
 * [WORKERS]]}. Binds 127.0.0.1 on an ephemeral port, writes the port to PORT_FILE (temp file and
 * rename, so a reader never sees half a number), and serves until killed.
 */
public final class EdgeServerMain {
  private EdgeServerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: EdgeServerMain MODEL POINTS PORT_FILE [MAX_SESSIONS [WORKERS]]");
      System.exit(2);
    }
    int max = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int workers = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    EdgeServerConfig c =
        new EdgeServerConfig(
            args[0], "127.0.0.1", 0, max, workers, args[1], SplitModel.DEFAULT_SEED, 0);
    EdgeServer server = EdgeServer.start(c);
    Path file = Path.of(args[2]);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(server.port()), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    server.awaitTermination();
  }
}
