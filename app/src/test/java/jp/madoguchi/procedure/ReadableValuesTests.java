package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ReadableValuesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadDatesAsJapaneseCalendarWithWeekdayAndLeaveLookalikesAlone() {
    assertThat(ReadableValues.text("2026-12-10")).isEqualTo("令和8年12月10日（木）");
    assertThat(ReadableValues.text("2026-12-10T09:30")).isEqualTo("令和8年12月10日（木）9時30分");
    assertThat(ReadableValues.text("2026-04")).isEqualTo("令和8年4月");
    assertThat(ReadableValues.text("09:05")).isEqualTo("9時05分");
    assertThat(ReadableValues.text("0120-12")).as("a phone number").isEqualTo("0120-12");
    assertThat(ReadableValues.text("2026-13-40")).isEqualTo("2026-13-40");
  }

  @Test
  void shouldNameTheEraItsFirstYearAndTheWeekdayOfEveryDate() {
    assertThat(ReadableValues.text("2019-04-30")).isEqualTo("平成31年4月30日（火）");
    assertThat(ReadableValues.text("2019-05-01")).isEqualTo("令和元年5月1日（水）");
    assertThat(ReadableValues.text("1989-01-08")).isEqualTo("平成元年1月8日（日）");
    assertThat(ReadableValues.text("2026-12-13T18:00")).isEqualTo("令和8年12月13日（日）18時00分");
    assertThat(ReadableValues.text("2026-12-14T07:59")).isEqualTo("令和8年12月14日（月）7時59分");
  }

  @Test
  void shouldGroupWholeNumbersWithCommasWhateverTheServersLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(1600))).isEqualTo("1,600");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(999))).isEqualTo("999");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(1_000_000))).isEqualTo("1,000,000");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(-12_345))).isEqualTo("-12,345");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(-123))).isEqualTo("-123");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(0))).isEqualTo("0");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(2.50))).isEqualTo("2.5");
      assertThat(ReadableValues.text(JsonNodeFactory.instance.numberNode(3.0))).isEqualTo("3");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void shouldGiveEveryFieldOfAFormItsOptionLabelAndKeepListsAsLists() throws Exception {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"type": "text", "text": "## 申込"},
          {"type": "dynamiclist", "path": "items", "label": "出す品目", "components": [
            {"type": "textfield", "key": "name", "label": "品目"},
            {"type": "select", "key": "size", "label": "大きさ", "values": [{"label": "L（一辺1m以上）", "value": "L"}]},
            {"type": "number", "key": "quantity", "label": "数"}]},
          {"type": "datetime", "subtype": "date", "key": "preferredDate1", "dateLabel": "第1希望日"},
          {"type": "checkbox", "key": "consent", "label": "同意"},
          {"type": "filepicker", "key": "photo", "label": "写真"}]}""");
    JsonNode data = JSON.readTree("""
        {"items": [{"name": "ソファ", "size": "L", "quantity": 1200}], "preferredDate1": "2026-12-10",
         "consent": true, "photo": ["0b6a8c9e-1111-4222-8333-944455556666"]}""");

    JsonNode readable = ReadableValues.ofForm(form, data);

    assertThat(readable.toString()).isEqualTo("{\"items\":[{\"name\":\"ソファ\",\"size\":\"L（一辺1m以上）\","
        + "\"quantity\":\"1,200\"}],\"preferredDate1\":\"令和8年12月10日（木）\",\"consent\":\"はい\"}");
    assertThat(ReadableValues.lines(form, data)).extracting(ReadableValues.Line::text)
        .containsExactly("［品目：ソファ、大きさ：L（一辺1m以上）、数：1,200］", "令和8年12月10日（木）", "はい", "添付ファイル 1 件");
  }

  @Test
  void shouldGiveEveryFieldTheResidentLeftEmptyAnEmptyTextForClerksForms() throws Exception {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"type": "textfield", "key": "address", "label": "住所"},
          {"type": "textfield", "key": "note", "label": "備考"},
          {"type": "dynamiclist", "path": "items", "components": [{"type": "textfield", "key": "name"}]},
          {"type": "group", "path": "contact", "components": [{"type": "textfield", "key": "phone"}]},
          {"type": "filepicker", "key": "photo", "label": "写真"}]}""");
    JsonNode data = JSON.readTree("{\"address\": \"デモ市中央1-2-3\"}");

    assertThat(ReadableValues.ofEveryField(form, data).toString())
        .isEqualTo("{\"address\":\"デモ市中央1-2-3\",\"note\":\"\",\"items\":[],\"contact\":{\"phone\":\"\"}}");
    assertThat(ReadableValues.ofForm(form, data).toString()).isEqualTo("{\"address\":\"デモ市中央1-2-3\"}");
  }
}
