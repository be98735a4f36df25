package jp.madoguchi.login;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether a typed name is one some account could have: the engine refuses every other user id. */
@Component
class AccountNames {

  private final ObjectProvider<ProcessEngineConfiguration> engine;
  private volatile Pattern userIds;

  AccountNames(ObjectProvider<ProcessEngineConfiguration> engine) {
    this.engine = engine;
  }

  boolean possible(String name) {
    return name != null && userIds().matcher(name).matches();
  }

  private Pattern userIds() {
    Pattern pattern = userIds;
    if (pattern == null) {
      ProcessEngineConfiguration configuration = engine.getObject();
      String configured = configuration.getUserResourceWhitelistPattern() != null
          ? configuration.getUserResourceWhitelistPattern() : configuration.getGeneralResourceWhitelistPattern();
      if (configured == null) {
        throw new IllegalStateException("The engine's user id pattern (user-resource-whitelist-pattern) is not set");
      }
      pattern = Pattern.compile(configured);
      userIds = pattern;
    }
    return pattern;
  }
}
