package jp.madoguchi.system;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Liquibase owns the schema, Camunda's tables included ({@code schema-update=false}), so the
 * process engine may only be built once Liquibase has run; otherwise it fails with ENGINE-03057.
 */
@Component
class EngineStartupOrder implements BeanFactoryPostProcessor {

  static final String ENGINE_FACTORY_BEAN = "processEngineFactoryBean";
  static final String LIQUIBASE_BEAN = "liquibase";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(ENGINE_FACTORY_BEAN)) {
      return;
    }
    BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_FACTORY_BEAN);
    String[] existing = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
    if (Arrays.asList(existing).contains(LIQUIBASE_BEAN)) {
      return;
    }
    engine.setDependsOn(Stream.concat(Arrays.stream(existing), Stream.of(LIQUIBASE_BEAN)).toArray(String[]::new));
  }
}
