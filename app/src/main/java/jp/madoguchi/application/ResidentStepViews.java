package jp.madoguchi.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The application detail's fields contributed by every {@link ResidentStep} bean (e.g. {@code payment},
 * {@code identityAssurance}): one field per step, null while the step has nothing to show. A feature
 * adds a step by declaring the bean; the detail needs no change.
 */
@Component
class ResidentStepViews {

  private final List<ResidentStep> steps;

  ResidentStepViews(List<ResidentStep> steps) {
    this.steps = List.copyOf(steps);
  }

  Map<String, Object> of(ApplicationRecord application) {
    Map<String, Object> views = new LinkedHashMap<>();
    for (ResidentStep step : steps) {
      views.put(step.name(), step.view(application).orElse(null));
    }
    return views;
  }
}
