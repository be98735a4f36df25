package jp.madoguchi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything the app logs while it is open, at the level production logs at (INFO, Spring Boot's
 * default; the tests otherwise log WARN), stack traces included.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previous = root.getLevel();
  private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

  private LogCapture() {
    LoggerContext context = root.getLoggerContext();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d %level [%thread] %logger: %msg%n%ex");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(lines);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
  }

  public static LogCapture atInfo() {
    return new LogCapture();
  }

  public String text() {
    synchronized (lines) {
      return lines.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    root.setLevel(previous);
    root.detachAppender(appender);
    appender.stop();
  }
}
