package jp.madoguchi.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The layouts shipped in {@code documents/*.json} (top-level folder, put on the classpath by the build). */
@Component
class DocumentLayouts {

  private final Map<String, DocumentLayout> layouts = new TreeMap<>();

  DocumentLayouts(ObjectMapper json) throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:documents/*.json")) {
      String name = resource.getFilename();
      String id = name.substring(0, name.length() - ".json".length());
      try (InputStream in = resource.getInputStream()) {
        layouts.put(id, DocumentLayout.parse(id, json.readTree(in)));
      }
    }
  }

  Optional<DocumentLayout> find(String id) {
    return Optional.ofNullable(id == null ? null : layouts.get(id));
  }

  Iterable<String> ids() {
    return layouts.keySet();
  }
}
