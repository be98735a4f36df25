package jp.madoguchi.export;

import java.io.Closeable;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One ZIP entry holding a JSON array, written an element at a time; counts the elements. */
final class JsonArrayFile implements Closeable {

  private final ObjectMapper json;
  private final JsonGenerator generator;
  private long count;

  JsonArrayFile(ExportZip zip, String path, ObjectMapper json) throws IOException {
    this.json = json;
    this.generator = json.getFactory().createGenerator(zip.entry(path));
    generator.useDefaultPrettyPrinter();
    generator.writeStartArray();
  }

  void add(Object element) throws IOException {
    json.writeValue(generator, element);
    count++;
  }

  long count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    generator.writeEndArray();
    generator.close();
  }
}
