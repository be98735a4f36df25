package jp.madoguchi.perimeter;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every JSON parser in the application — Spring's, Camunda REST's, Camunda Spin's for JSON
 * variables, the LINE SDK's — takes Jackson's default read constraints when it is created. They are
 * set here, before any of them exists, so that one setting bounds the nesting depth of all JSON the
 * app reads (Jackson's own default, 1,000 levels, is deep enough to exhaust a thread's stack in
 * code that walks the result recursively).
 */
public class JsonReadLimits implements EnvironmentPostProcessor {

  static final String MAX_DEPTH = "madoguchi.perimeter.json-max-depth";
  static final int DEFAULT_MAX_DEPTH = 100;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    int depth = environment.getProperty(MAX_DEPTH, Integer.class, DEFAULT_MAX_DEPTH);
    StreamReadConstraints.overrideDefaultStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(depth).build());
  }
}
