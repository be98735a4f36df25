package jp.madoguchi.encryption;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Encryption at rest inside the engine. Every variable value (runtime, history, details, decision
 * inputs and outputs) is sealed with its tenant's data key by {@link SealedVariableSerializer}s placed
 * before Camunda's own serializers (which stay registered to read what they wrote before); comments
 * are sealed ({@link SealedCommentManager}, {@link CommentReveal}); form-property history is not
 * written and failures are masked before they are stored or logged ({@link SafeHistoryEventProducer},
 * {@link EngineFailures}, {@link RedactedFailedJobs}).
 */
@Configuration(proxyBeanMethods = false)
class EncryptionEngineConfiguration {

  /** Outermost, so that the status it reads is the one the client gets. */
  @Bean
  FilterRegistrationBean<EngineFailuresOfRequests> engineFailuresOfRequests() {
    FilterRegistrationBean<EngineFailuresOfRequests> registration =
        new FilterRegistrationBean<>(new EngineFailuresOfRequests());
    registration.setName(EngineFailuresOfRequests.class.getSimpleName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  ProcessEnginePlugin encryptionEnginePlugin(TenantKeys keys, ObjectMapper json) {
    FailureRedaction redaction = new FailureRedaction(json);
    ClearVariables clear = new ClearVariables(new FormFileFieldLabels(json));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventProducer(new SafeHistoryEventProducer(redaction));
        configuration.setEnableCmdExceptionLogging(false);
        configuration.setCustomPreCommandInterceptorsTxRequired(first(configuration.getCustomPreCommandInterceptorsTxRequired(),
            EngineFailures.logging(redaction), new CommentReveal(keys)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(
            configuration.getCustomPreCommandInterceptorsTxRequiresNew(), EngineFailures.logging(redaction)));
        configuration.setCustomPostCommandInterceptorsTxRequired(last(
            configuration.getCustomPostCommandInterceptorsTxRequired(), EngineFailures.recording(redaction)));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(last(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(), EngineFailures.recording(redaction)));
        List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
        sessions.add(SealedCommentManager.factory(keys));
        configuration.setCustomSessionFactories(sessions);
      }

      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(
            new RedactedFailedJobs(configuration.getFailedJobCommandFactory(), redaction));
      }

      /** After every plugin's postInit: Spin adds its JSON and XML serializers only there. */
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        VariableSerializers serializers = configuration.getVariableSerializers();
        int position = 0;
        for (TypedValueSerializer<?> serializer : serializers.getSerializers()) {
          if (serializer.getType() != ValueType.NULL) {
            serializers.addSerializer(new SealedVariableSerializer(serializer, keys, clear), position++);
          }
        }
      }
    };
  }

  private static List<CommandInterceptor> first(List<CommandInterceptor> existing, CommandInterceptor... own) {
    List<CommandInterceptor> all = new ArrayList<>(List.of(own));
    if (existing != null) {
      all.addAll(existing);
    }
    return all;
  }

  private static List<CommandInterceptor> last(List<CommandInterceptor> existing, CommandInterceptor own) {
    List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(own);
    return all;
  }
}
