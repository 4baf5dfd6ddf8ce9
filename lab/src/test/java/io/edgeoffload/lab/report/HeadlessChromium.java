package io.edgeoffload.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver HTTP API with {@code java.net.http}
 * (no Selenium): starts chromedriver on a free port, opens one session with the browser log on, and
 * stops both on {@link #close}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http;
  private final String base;
  private final String session;

  /** One entry of the browser's log. */
  record LogEntry(String level, String source, String message) {}

  private HeadlessChromium(Process driver, HttpClient http, String base, String session) {
    this.driver = driver;
    this.http = http;
    this.base = base;
    this.session = session;
  }

  /**
   * The chromium binary, or null when none is installed; system property {@code
   * edgeoffload.chromium} names another.
   */
  static Path chromium() {
    return firstExisting("edgeoffload.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
  }

  /**
   * The chromedriver binary, or null when none is installed; system property {@code
   * edgeoffload.chromedriver} names another.
   */
  static Path chromedriver() {
    return firstExisting(
        "edgeoffload.chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  }

  private static Path firstExisting(String property, String... paths) {
    String given = System.getProperty(property);
    if (given != null) {
      return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
    }
    for (String p : paths) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  /** Starts chromedriver and one headless session (window 1280×1600). */
  static HeadlessChromium start(Path chromium, Path chromedriver, Path logFile) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://127.0.0.1:" + port;
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (true) {
        try {
          JsonNode st = call(http, "GET", base + "/status", null);
          if (st.path("value").path("ready").asBoolean(false)) {
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        if (System.nanoTime() > deadline || !p.isAlive()) {
          throw new IllegalStateException(
              "chromedriver did not become ready in 20 s; its log: " + logFile);
        }
        Thread.sleep(100);
      }
      ObjectNode caps = JSON.createObjectNode();
      ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
      always.put("browserName", "chrome");
      ObjectNode chrome = always.putObject("goog:chromeOptions");
      chrome.put("binary", chromium.toString());
      var args = chrome.putArray("args");
      for (String a :
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--window-size=1280,1600")) {
        args.add(a);
      }
      always.putObject("goog:loggingPrefs").put("browser", "ALL");
      JsonNode created = call(http, "POST", base + "/session", caps);
      String id = created.path("value").path("sessionId").asText(null);
      if (id == null) {
        throw new IllegalStateException("chromedriver created no session: " + created);
      }
      return new HeadlessChromium(p, http, base, id);
    } catch (Exception e) {
      p.destroy();
      throw e;
    }
  }

  private static JsonNode call(HttpClient http, String method, String url, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json; charset=utf-8");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode out = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + ": " + out);
    }
    return out;
  }

  private JsonNode session(String method, String path, JsonNode body) throws Exception {
    return call(http, method, base + "/session/" + session + path, body).path("value");
  }

  /** Navigates to {@code url} and waits for the page to load (WebDriver's default strategy). */
  void open(String url) throws Exception {
    session("POST", "/url", JSON.valueToTree(Map.of("url", url)));
  }

  /** Runs {@code script} (a function body; {@code return} its result) in the page. */
  JsonNode execute(String script) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("script", script);
    body.putArray("args");
    return session("POST", "/execute/sync", body);
  }

  /** The browser log since the last call (chromedriver's {@code se/log}, type browser). */
  List<LogEntry> browserLog() throws Exception {
    JsonNode v = session("POST", "/se/log", JSON.valueToTree(Map.of("type", "browser")));
    List<LogEntry> out = new ArrayList<>();
    for (JsonNode e : v) {
      out.add(
          new LogEntry(
              e.path("level").asText(), e.path("source").asText(), e.path("message").asText()));
    }
    return out;
  }

  /** A screenshot of the viewport, written as PNG to {@code file}. */
  Path screenshot(Path file) throws Exception {
    byte[] png = Base64.getDecoder().decode(session("GET", "/screenshot", null).asText());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, png);
    return file;
  }

  @Override
  public void close() {
    try {
      call(http, "DELETE", base + "/session/" + session, null);
    } catch (Exception e) {
      // the driver is stopped below either way
    } finally {
      driver.destroy();
      try {
        if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          driver.destroyForcibly();
        }
      } catch (InterruptedException e) {
        driver.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
