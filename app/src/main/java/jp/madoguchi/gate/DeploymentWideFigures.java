package jp.madoguchi.gate;

import java.util.regex.Pattern;

/**
 * The engine's metrics (applications started, activities, task workers, per interval or summed),
 * which Camunda counts for the whole deployment and reads without any permission check, on both
 * REST APIs and in Admin's own API: they tell one municipality how many applications the others
 * receive, so only SaaS operators read them.
 */
final class DeploymentWideFigures {

  private static final Pattern PATHS = Pattern.compile(
      "^(?:(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/metrics"
      + "|/camunda/api/admin/plugin/adminPlugins/[^/]+/metrics)(?:/.*)?$");

  private DeploymentWideFigures() {
  }

  static boolean matches(String path) {
    return PATHS.matcher(path).matches();
  }
}
