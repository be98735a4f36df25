package jp.madoguchi;

import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs {@link ProcessCoverage}: one recording per test class, one run per test method. */
final class ProcessCoverageExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  static final String REPORT_DIR = "target/process-test-coverage";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessCoverageExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    ProcessCoverage settings = settings(context);
    context.getStore(NAMESPACE).put(ProcessCoverageRecorder.Recording.class,
        ProcessCoverageRecorder.INSTANCE.start(context.getRequiredTestClass().getName(),
            new LinkedHashSet<>(List.of(settings.value()))));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    recording(context).startRun(context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    recording(context).endRun();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessCoverageRecorder.INSTANCE.stop();
    ProcessCoverageRecorder.Recording recording = recording(context);
    ProcessCoverage settings = settings(context);
    if (!recording.collector().getModels().isEmpty()) {
      CoverageReportUtil.createReport(recording.collector(), REPORT_DIR);
      CoverageReportUtil.createJsonReport(recording.collector(), REPORT_DIR);
    }
    for (String key : settings.value()) {
      recording.assertCoveredAtLeast(key, settings.atLeast());
    }
  }

  private static ProcessCoverageRecorder.Recording recording(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(ProcessCoverageRecorder.Recording.class, ProcessCoverageRecorder.Recording.class);
  }

  private static ProcessCoverage settings(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessCoverage.class)
        .orElseThrow(() -> new IllegalStateException("@ProcessCoverage missing on " + context.getRequiredTestClass()));
  }
}
