package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The deploy guard refuses by name what the engine's resolver refuses on a text, a list or a map. */
class ValueMethodsTests {

  @Test
  void shouldRefuseByNameWhatGrowsChangesOrBacktracks() {
    assertThat(ValueMethods.REFUSED_NAMES).contains("repeat", "formatted", "indent", "replace", "replaceAll",
        "matches", "split", "intern", "add", "addAll", "put", "clear", "set", "remove", "setTime");
    assertThat(ValueMethods.REFUSED_NAMES).doesNotContain("length", "substring", "contains", "get", "size",
        "isEmpty", "toUpperCase", "equals", "plusDays", "compareTo", "toString");
  }

  @Test
  void shouldAllowOnEachValueOnlyWhatReadsIt() {
    assertThat(ValueMethods.allows("text", "substring")).isTrue();
    assertThat(ValueMethods.allows("text", "repeat")).isFalse();
    assertThat(ValueMethods.allows(new StringBuilder("text"), "append")).isFalse();
    assertThat(ValueMethods.allows(new ArrayList<>(List.of("a")), "get")).isTrue();
    assertThat(ValueMethods.allows(new ArrayList<>(List.of("a")), "add")).isFalse();
    assertThat(ValueMethods.allows(Map.of("a", 1), "getOrDefault")).isTrue();
    assertThat(ValueMethods.allows(Map.of("a", 1), "put")).isFalse();
    assertThat(ValueMethods.allows(5L, "compareTo")).isTrue();
    assertThat(ValueMethods.allows(new Date(), "getTime")).isTrue();
    assertThat(ValueMethods.allows(new Date(), "setTime")).isFalse();
  }

  /** A building block's method of a refused name would be refused by the deploy guard too. */
  @Test
  void shouldNotRefuseAnyBuildingBlocksMethod() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcedureBuildingBlock.class));
    List<String> clashes = new ArrayList<>();
    int blocks = 0;
    for (BeanDefinition block : scanner.findCandidateComponents("jp.madoguchi")) {
      blocks++;
      for (Method method : ClassUtils.forName(block.getBeanClassName(), null).getMethods()) {
        if (ValueMethods.REFUSED_NAMES.contains(method.getName())) {
          clashes.add(block.getBeanClassName() + "." + method.getName());
        }
      }
    }
    assertThat(blocks).isGreaterThan(10);
    assertThat(clashes).isEmpty();
  }
}
