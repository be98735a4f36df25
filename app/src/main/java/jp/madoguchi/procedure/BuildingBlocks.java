package jp.madoguchi.procedure;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The beans expressions may name: those annotated {@link ProcedureBuildingBlock}, looked up when the
 * first expression runs (the engine is built before them).
 */
final class BuildingBlocks extends AbstractMap<Object, Object> {

  private final ListableBeanFactory beans;
  private volatile Set<String> names;

  BuildingBlocks(ListableBeanFactory beans) {
    this.beans = beans;
  }

  Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = Set.copyOf(List.of(beans.getBeanNamesForAnnotation(ProcedureBuildingBlock.class)));
      names = known;
    }
    return known;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? beans.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
    names().forEach(name -> entries.add(new SimpleImmutableEntry<>(name, beans.getBean(name))));
    return entries;
  }
}
