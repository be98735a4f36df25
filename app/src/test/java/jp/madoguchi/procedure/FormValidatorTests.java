package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.TestDates;
import org.junit.jupiter.api.Test;

/** {@link FormValidator} and {@link FormSchema#parse} against the real 粗大ごみ forms and small inline forms. */
class FormValidatorTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("../forms/bulky-waste-collection");

  private static final FormSchema APPLY = form("apply.form");
  private static final FormSchema REVIEW = form("review.form");

  private static FormSchema form(String file) {
    try {
      return FormSchema.parse(JSON.readTree(FORMS.resolve(file).toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static FormSchema inline(String components) {
    return FormSchema.parse(json("{'id':'inline','components':" + components + "}"));
  }

  /** A valid application, as in BulkyWasteApplications.valid(). */
  private static ObjectNode validApplication() {
    return json("""
        {'items':[{'name':'ソファ','size':'L','quantity':1},{'name':'自転車','size':'M','quantity':2}],
         'applicantName':'山田 花子','address':'デモ市中央1-2-3','preferredDate1':'%s','phone':'090-1234-5678'}""".formatted(TestDates.daysAhead(14)));
  }

  private static FormValidator.Result validate(ObjectNode input) {
    return FormValidator.validate(APPLY, input);
  }

  // --- FormSchema.parse ---

  @Test
  void shouldReadTheDataFieldsOfTheApplyForm() {
    assertThat(APPLY.id()).isEqualTo("bulky-waste-collection-apply");
    assertThat(APPLY.fields()).extracting(FormField::key).containsExactly("applicantName", "items", "address", "addressDetail",
        "preferredDate1", "preferredDate2", "phone", "note", "photo");
    FormField items = APPLY.fields().get(1);
    assertThat(items.kind()).isEqualTo(FormField.Kind.LIST);
    assertThat(items.children()).extracting(FormField::key).containsExactly("name", "size", "quantity");
    FormField date = APPLY.fields().get(4);
    assertThat(date.displayName()).isEqualTo("第1希望日");
    assertThat(date.subtype()).isEqualTo("date");
    assertThat(date.required()).isTrue();
  }

  @Test
  void shouldStripTheLeadingEqualsSignOfAHideExpression() {
    assertThat(REVIEW.fields()).filteredOn(field -> field.key().equals("collectionDate"))
        .singleElement().extracting(FormField::hideExpression).isEqualTo("decision != \"approve\"");
  }

  @Test
  void shouldRefuseAFormWithoutId() {
    assertThatThrownBy(() -> FormSchema.parse(json("{'components':[]}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"id\"");
    assertThatThrownBy(() -> FormSchema.parse(json("{'id':'  ','components':[]}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAPatternJavaCannotRead() {
    assertThatThrownBy(() -> inline("[{'type':'textfield','key':'x','validate':{'pattern':'(unclosed'}}]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
  }

  // --- valid submissions ---

  @Test
  void shouldAcceptAValidApplication() {
    FormValidator.Result result = validate(validApplication());

    assertThat(result.violations()).isEmpty();
    assertThat(result.valid()).isTrue();
    assertThat(result.data()).isEqualTo(validApplication());
  }

  @Test
  void shouldKeepOnlyKnownKeysInTheCleanedData() {
    ObjectNode input = validApplication();
    input.put("residentRef", "U0123");
    ((ObjectNode) input.withArray("items").get(0)).put("colour", "red");

    FormValidator.Result result = FormValidator.validate(APPLY, input, false);

    assertThat(result.valid()).isTrue();
    assertThat(result.data().has("residentRef")).isFalse();
    assertThat(result.data().get("items").get(0).has("colour")).isFalse();
    assertThat(result.data()).isEqualTo(validApplication());
  }

  @Test
  void shouldAcceptOptionalFieldsWhenTheyAreValid() {
    ObjectNode input = validApplication();
    input.put("addressDetail", "デモマンション101").put("preferredDate2", TestDates.daysAhead(15)).put("note", "玄関前に出します")
        .putArray("photo").add("photo-1.jpg");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data()).isEqualTo(input);
  }

  @Test
  void shouldTreatAnEmptyOptionalTextAsAbsent() {
    ObjectNode input = validApplication();
    input.put("addressDetail", "");
    input.putNull("note");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data().has("addressDetail")).isFalse();
    assertThat(result.data().has("note")).isFalse();
  }

  // --- required ---

  @Test
  void shouldRequireAMissingRequiredField() {
    ObjectNode input = validApplication();
    input.remove("address");

    FormValidator.Result result = validate(input);

    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("address");
      assertThat(violation.messageJa()).isEqualTo("「収集先の住所」は必須です");
      assertThat(violation.messageEn()).isEqualTo("required");
    });
  }

  @Test
  void shouldTreatAnEmptyTextAsMissing() {
    ObjectNode input = validApplication();
    input.put("phone", "");

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("phone", "required"));
  }

  @Test
  void shouldNameADateFieldByItsDateLabel() {
    ObjectNode input = validApplication();
    input.remove("preferredDate1");

    assertThat(validate(input).violations()).extracting(FormViolation::messageJa)
        .containsExactly("「第1希望日」は必須です");
  }

  // --- unknown keys ---

  @Test
  void shouldRefuseAnUnknownKeyInStrictMode() {
    ObjectNode input = validApplication();
    input.put("isAdmin", true);

    FormValidator.Result result = FormValidator.validate(APPLY, input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("isAdmin");
      assertThat(violation.messageJa()).isEqualTo("この申請にない項目です");
      assertThat(violation.messageEn()).isEqualTo("not a field of this form");
    });
    assertThat(result.data().has("isAdmin")).isFalse();
  }

  @Test
  void shouldRefuseAnUnknownKeyInsideAListItemInStrictMode() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(1)).put("price", 100);

    assertThat(validate(input).violations()).extracting(FormViolation::field).containsExactly("items[1].price");
  }

  @Test
  void shouldAllowAnUnknownKeyInNonStrictMode() {
    ObjectNode input = validApplication();
    input.put("isAdmin", true);

    FormValidator.Result result = FormValidator.validate(APPLY, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data().has("isAdmin")).isFalse();
  }

  // --- types ---

  @Test
  void shouldRefuseANumberGivenAsText() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("quantity", "1");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("items[0].quantity");
      assertThat(violation.messageJa()).isEqualTo("「数量」の値の種類が正しくありません");
      assertThat(violation.messageEn()).isEqualTo("expected number");
    });
    assertThat(result.data().get("items").get(0).has("quantity")).isFalse();
  }

  @Test
  void shouldRefuseABooleanForText() {
    ObjectNode input = validApplication();
    input.put("address", true);

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("address");
      assertThat(violation.messageEn()).isEqualTo("expected text");
    });
    assertThat(result.data().has("address")).isFalse();
  }

  @Test
  void shouldRefuseAnObjectForADate() {
    ObjectNode input = validApplication();
    input.putObject("preferredDate1").put("year", 2026);

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("preferredDate1", "expected date text"));
  }

  @Test
  void shouldRefuseAListGivenAsAnObject() {
    ObjectNode input = validApplication();
    input.putObject("items").put("name", "ソファ");

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("items", "expected list"));
  }

  @Test
  void shouldRefuseAListItemThatIsNotAnObject() {
    ObjectNode input = validApplication();
    input.withArray("items").add("テレビ");

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("items[2]", "expected object"));
  }

  @Test
  void shouldCheckTheTypeOfACheckbox() {
    FormSchema schema = inline("[{'type':'checkbox','key':'agree','label':'同意する','validate':{'required':true}}]");

    assertThat(FormValidator.validate(schema, json("{'agree':true}")).valid()).isTrue();
    assertThat(FormValidator.validate(schema, json("{'agree':'yes'}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("expected boolean");
  }

  // --- pattern, length, range ---

  @Test
  void shouldRefuseAPhoneNumberThatDoesNotMatchThePattern() {
    ObjectNode input = validApplication();
    input.put("phone", "abc");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("phone");
      assertThat(violation.messageJa()).isEqualTo("「日中の連絡先電話番号」の形式が正しくありません");
      assertThat(violation.messageEn()).isEqualTo("does not match the expected format");
    });
  }

  @Test
  void shouldAcceptAPhoneNumberWithoutHyphens() {
    ObjectNode input = validApplication();
    input.put("phone", "0312345678");

    assertThat(validate(input).violations()).isEmpty();
  }

  @Test
  void shouldMatchAnUnanchoredPatternAnywhereInTheText() {
    FormSchema schema = inline("[{'type':'textfield','key':'code','validate':{'pattern':'[0-9]{3}'}}]");

    assertThat(FormValidator.validate(schema, json("{'code':'ab123cd'}")).valid()).isTrue();
    assertThat(FormValidator.validate(schema, json("{'code':'ab12cd'}")).valid()).isFalse();
  }

  /**
   * Without a budget the first pattern backtracks for longer than anyone waits (34 s for 60 characters
   * here, about 100^8 steps for 100), the e-mail rule reads about 2 × 10^10 characters (minutes), and a repeated group overflows the
   * stack on a long text: a request thread held, or a 500.
   */
  @Test
  void shouldLeaveATextUndecidedThatThePatternCannotDecideInTime() {
    FormSchema schema = inline("""
        [{'type':'textfield','key':'code','label':'コード','validate':{'pattern':'^(.*a){8}$'}},
         {'type':'textfield','key':'email','label':'メール','validate':{'validationType':'email'}},
         {'type':'textfield','key':'letters','label':'記号','validate':{'pattern':'^(a|b)*$'}}]""");
    ObjectNode input = json("{}");
    input.put("code", "a".repeat(100) + "!");
    input.put("email", "a@" + ".".repeat(200_000) + " ");
    input.put("letters", "a".repeat(100_000));

    FormValidator.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> FormValidator.validate(schema, input));

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageJa).containsExactly(
        tuple("code", "「コード」の形式を確かめられませんでした。短くして入力し直してください"),
        tuple("email", "「メール」の形式を確かめられませんでした。短くして入力し直してください"),
        tuple("letters", "「記号」の形式を確かめられませんでした。短くして入力し直してください"));
    assertThat(FormValidator.validate(schema, json("{'code':'" + "a".repeat(20) + "','letters':'abba'}"))
        .valid()).as("texts the patterns decide quickly").isTrue();
    assertThat(FormValidator.validate(schema, json("{'code':'ab'}")).violations())
        .extracting(FormViolation::messageJa).containsExactly("「コード」の形式が正しくありません");
  }

  @Test
  void shouldCountMaxLengthInCodePoints() {
    ObjectNode input = validApplication();
    // 40 characters outside the BMP: 80 UTF-16 units, but within maxLength 40
    ((ObjectNode) input.withArray("items").get(0)).put("name", "𠮷".repeat(40));

    assertThat(validate(input).violations()).isEmpty();
  }

  @Test
  void shouldRefuseJapaneseTextLongerThanMaxLength() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("name", "あ".repeat(40));
    ((ObjectNode) input.withArray("items").get(1)).put("name", "𠮷".repeat(41));

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("items[1].name");
      assertThat(violation.messageJa()).isEqualTo("「品目（例：ソファ、自転車）」は40文字以内で入力してください");
      assertThat(violation.messageEn()).isEqualTo("at most 40 characters");
    });
  }

  @Test
  void shouldRefuseTextShorterThanMinLength() {
    FormSchema schema = inline("[{'type':'textfield','key':'code','label':'コード','validate':{'minLength':3}}]");

    assertThat(FormValidator.validate(schema, json("{'code':'𠮷𠮷𠮷'}")).valid()).isTrue();
    assertThat(FormValidator.validate(schema, json("{'code':'ab'}")).violations())
        .extracting(FormViolation::messageJa, FormViolation::messageEn)
        .containsExactly(tuple("「コード」は3文字以上で入力してください", "at least 3 characters"));
  }

  @Test
  void shouldRefuseANumberBelowMinOrAboveMax() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("quantity", 0);
    ((ObjectNode) input.withArray("items").get(1)).put("quantity", 11);

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageJa, FormViolation::messageEn)
        .containsExactly(
            tuple("items[0].quantity", "「数量」は1以上にしてください", "at least 1"),
            tuple("items[1].quantity", "「数量」は10以下にしてください", "at most 10"));
  }

  @Test
  void shouldAcceptNumbersOnTheBoundsOfTheRange() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("quantity", 1);
    ((ObjectNode) input.withArray("items").get(1)).put("quantity", 10);

    assertThat(validate(input).violations()).isEmpty();
  }

  @Test
  void shouldCompareDecimalsWithTheRange() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("quantity", 10.5);

    assertThat(validate(input).violations()).extracting(FormViolation::messageEn)
        .containsExactly("a whole number", "at most 10");
  }

  @Test
  void shouldRefuseNumbersBeyondWhatAFieldCanHoldInsteadOfFailingOrWrapping() {
    FormSchema unbounded = inline("[{'type':'number','key':'count','label':'件数'}]");
    for (String number : List.of("1e400", "-1e400", "18446744073709551617", "-99999999999999999999")) {
      assertThat(FormValidator.validate(unbounded, json("{'count':" + number + "}")).violations()).as(number)
          .extracting(FormViolation::field, FormViolation::messageJa, FormViolation::messageEn)
          .containsExactly(tuple("count", "「件数」は扱える範囲の数で入力してください", "a number out of range"));
    }
    assertThat(FormValidator.validate(unbounded, json("{'count':9223372036854775807}")).violations()).isEmpty();
  }

  // --- bounded input: whole numbers, increments, list lengths ---

  @Test
  void shouldRefuseAFractionOfACertificateCopy() throws IOException {
    FormSchema certificate = FormSchema.parse(JSON.readTree(Path.of("../forms/resident-certificate/apply.form").toFile()));
    FormField copies = certificate.fields().stream().filter(field -> field.key().equals("copies")).findFirst().orElseThrow();

    FormValidator.Result result = FormValidator.validate(certificate, json("{'copies':1.5}"), false);

    assertThat(copies.decimalDigits()).isZero();
    assertThat(result.violations()).filteredOn(violation -> violation.field().equals("copies"))
        .extracting(FormViolation::messageJa, FormViolation::messageEn)
        .containsExactly(tuple("「通数」は整数で入力してください", "a whole number"));
    assertThat(FormValidator.validate(certificate, json("{'copies':2.0}"), false).violations())
        .noneMatch(violation -> violation.field().equals("copies"));
  }

  @Test
  void shouldHonourDecimalDigitsAndIncrement() {
    FormSchema schema = inline("[{'type':'number','key':'rate','label':'率','decimalDigits':2},"
        + "{'type':'number','key':'step','label':'刻み','increment':'0.5'}]");

    assertThat(FormValidator.validate(schema, json("{'rate':1.25,'step':2.5}")).valid()).isTrue();
    assertThat(FormValidator.validate(schema, json("{'rate':1.255,'step':2.25}")).violations())
        .extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("rate", "at most 2 decimal digits"), tuple("step", "a multiple of 0.5"));
  }

  @Test
  void shouldRefuseMoreItemsThanTheFormAllows() {
    ObjectNode input = validApplication();
    var items = input.withArray("items");
    while (items.size() < 21) {
      items.addObject().put("name", "椅子").put("size", "S").put("quantity", 1);
    }

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("items", "「出す品目」は20件までです"));
  }

  @Test
  void shouldLimitListsThatSayNothingToTheDefault() {
    FormSchema schema = inline("[{'type':'dynamiclist','path':'rows','label':'行',"
        + "'components':[{'type':'textfield','key':'x','label':'x'}]},"
        + "{'type':'filepicker','key':'files','label':'ファイル'},{'type':'taglist','key':'tags','label':'タグ'}]");
    ObjectNode input = json("{}");
    for (int i = 0; i <= FormField.DEFAULT_MAX_ITEMS; i++) {
      input.withArray("rows").addObject().put("x", "a");
      input.withArray("files").add("f" + i);
      input.withArray("tags").add("t" + i);
    }

    assertThat(FormValidator.validate(schema, input).violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("rows", "at most 50 entries"), tuple("files", "at most 50 entries"),
            tuple("tags", "at most 50 entries"));
  }

  @Test
  void shouldRefuseAChecklistWithRepeatedOrTooManyValues() {
    FormSchema schema = inline("[{'type':'checklist','key':'days','label':'曜日',"
        + "'values':[{'label':'月','value':'mon'},{'label':'火','value':'tue'}]}]");

    assertThat(FormValidator.validate(schema, json("{'days':['mon','mon']}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("the same option twice");
    assertThat(FormValidator.validate(schema, json("{'days':['mon','tue','mon']}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("at most 2 entries");
  }

  @Test
  void shouldRefuseAFormWhoseMaxItemsIsNotANumber() {
    assertThatThrownBy(() -> inline("[{'type':'dynamiclist','path':'rows','properties':{'maxItems':'many'},"
        + "'components':[]}]")).hasMessageContaining("maxItems");
  }

  // --- options ---

  @Test
  void shouldRefuseASelectValueThatIsNotAnOption() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("size", "XXL");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("items[0].size");
      assertThat(violation.messageJa()).isEqualTo("「大きさ（いちばん長い辺）」に選べない値です");
      assertThat(violation.messageEn()).isEqualTo("not one of the options");
    });
  }

  @Test
  void shouldRefuseASelectValueThatIsAnOptionLabel() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).put("size", "50cm〜1m");

    assertThat(validate(input).violations()).extracting(FormViolation::field).containsExactly("items[0].size");
  }

  @Test
  void shouldCheckEveryValueOfAChecklist() {
    FormSchema schema = inline("""
        [{'type':'checklist','key':'days','label':'曜日',
          'values':[{'label':'月','value':'mon'},{'label':'火','value':'tue'}]}]""");

    assertThat(FormValidator.validate(schema, json("{'days':['mon','tue']}")).valid()).isTrue();
    assertThat(FormValidator.validate(schema, json("{'days':['mon','sun']}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("not one of the options");
    assertThat(FormValidator.validate(schema, json("{'days':'mon'}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("expected list of options");
  }

  // --- dynamic list ---

  @Test
  void shouldRequireAtLeastOneItem() {
    ObjectNode input = validApplication();
    input.putArray("items");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("items");
      assertThat(violation.messageJa()).isEqualTo("「出す品目」を1件以上入力してください");
      assertThat(violation.messageEn()).isEqualTo("at least one entry");
    });
  }

  @Test
  void shouldRequireTheListWhenItIsMissing() {
    ObjectNode input = validApplication();
    input.remove("items");

    assertThat(validate(input).violations()).extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("items", "「出す品目」は必須です"));
  }

  @Test
  void shouldRequireTheInnerRequiredFieldsOfAListItem() {
    ObjectNode input = validApplication();
    ((ObjectNode) input.withArray("items").get(0)).remove("name");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("items[0].name");
      assertThat(violation.messageJa()).isEqualTo("「品目（例：ソファ、自転車）」は必須です");
      assertThat(violation.messageEn()).isEqualTo("required");
    });
  }

  @Test
  void shouldReportTheIndexOfEachFaultyItem() {
    ObjectNode input = json("""
        {'items':[{'name':'ソファ','size':'L','quantity':1},{'size':'S'}],
         'applicantName':'山田 花子','address':'デモ市中央1-2-3','preferredDate1':'%s','phone':'090-1234-5678'}""".formatted(TestDates.daysAhead(14)));

    assertThat(validate(input).violations()).extracting(FormViolation::field)
        .containsExactly("items[1].name", "items[1].quantity");
  }

  // --- dates ---

  @Test
  void shouldRefuseAnImpossibleDate() {
    ObjectNode input = validApplication();
    input.put("preferredDate1", "2026-13-40");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("preferredDate1");
      assertThat(violation.messageJa()).isEqualTo("「第1希望日」は YYYY-MM-DD の形式で入力してください");
      assertThat(violation.messageEn()).isEqualTo("expected YYYY-MM-DD");
    });
  }

  @Test
  void shouldRefuseTheThirtiethOfFebruary() {
    ObjectNode input = validApplication();
    input.put("preferredDate2", "2026-02-30");

    assertThat(validate(input).violations()).extracting(FormViolation::field).containsExactly("preferredDate2");
  }

  @Test
  void shouldRefuseADateInAnotherFormat() {
    ObjectNode input = validApplication();
    input.put("preferredDate1", "2026/12/10");

    assertThat(validate(input).violations()).extracting(FormViolation::field).containsExactly("preferredDate1");
  }

  @Test
  void shouldCheckTimeAndDatetimeSubtypes() {
    FormSchema schema = inline("""
        [{'type':'datetime','subtype':'time','key':'at','timeLabel':'時刻'},
         {'type':'datetime','subtype':'datetime','key':'when','label':'日時'}]""");

    assertThat(FormValidator.validate(schema, json("{'at':'09:30','when':'2026-12-10T09:30+09:00'}")).violations())
        .isEmpty();
    assertThat(FormValidator.validate(schema, json("{'at':'25:00','when':'2026-12-10'}")).violations())
        .extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("at", "expected HH:mm"),
            tuple("when", "expected YYYY-MM-DDTHH:mm+09:00"));
  }

  @Test
  void shouldAcceptTimesAsFormJsSerialisesThem() {
    FormSchema schema = inline("""
        [{'type':'datetime','subtype':'time','key':'offset','timeSerializingFormat':'utc_offset'},
         {'type':'datetime','subtype':'time','key':'normalized','timeSerializingFormat':'utc_normalized'},
         {'type':'datetime','subtype':'datetime','key':'local','timeSerializingFormat':'no_timezone'}]""");

    assertThat(FormValidator.validate(schema,
        json("{'offset':'14:30+09:00','normalized':'05:30Z','local':'2026-12-10T14:30'}")).violations()).isEmpty();
  }

  @Test
  void shouldRefuseDatesOutsideTheYearsAFormCanMean() {
    for (String date : List.of("0001-01-01", "1899-12-31", "2200-01-01", "+999999999-12-20", "-999999999-01-01")) {
      ObjectNode input = validApplication();
      input.put("preferredDate1", date);
      assertThat(validate(input).violations()).as(date).singleElement().satisfies(violation -> {
        assertThat(violation.field()).isEqualTo("preferredDate1");
        assertThat(violation.messageJa()).isIn("「第1希望日」は1900年から2199年までの日付で入力してください",
            "「第1希望日」は YYYY-MM-DD の形式で入力してください");
      });
    }
    ObjectNode latest = validApplication();
    latest.put("preferredDate2", "2199-12-31");
    assertThat(validate(latest).violations()).isEmpty();
    FormSchema anyDay = inline("[{'type':'datetime','subtype':'date','key':'birth','dateLabel':'生年月日'}]");
    assertThat(FormValidator.validate(anyDay, json("{'birth':'1900-01-01'}")).violations()).isEmpty();

    FormSchema withTime = inline("[{'type':'datetime','subtype':'datetime','key':'when','label':'日時'}]");
    assertThat(FormValidator.validate(withTime, json("{'when':'0500-12-10T09:30+09:00'}")).violations())
        .extracting(FormViolation::messageEn).containsExactly("a date from 1900 to 2199");
  }

  @Test
  void shouldRefuseADateTimeBeyondTheCalendarAsADateOutOfRange() {
    FormSchema withTime = inline("[{'type':'datetime','subtype':'datetime','key':'when','label':'日時'}]");
    for (String when : List.of("+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00")) {
      assertThat(FormValidator.validate(withTime, json("{'when':'" + when + "'}")).violations()).as(when)
          .extracting(FormViolation::field, FormViolation::messageEn).containsExactly(tuple("when", "a date from 1900 to 2199"));
    }
  }

  @Test
  void shouldRefuseAPassedDateWhereTheFormDisallowsThem() {
    FormSchema schema = inline("""
        [{'type':'datetime','subtype':'date','key':'day','dateLabel':'設置希望日','disallowPassedDates':true},
         {'type':'datetime','subtype':'date','key':'birth','dateLabel':'生年月日'}]""");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    assertThat(FormValidator.validate(schema, json("{'day':'" + today + "','birth':'" + today.minusYears(30) + "'}"))
        .violations()).isEmpty();
    assertThat(FormValidator.validate(schema, json("{'day':'" + today.minusDays(1) + "'}")).violations())
        .extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("day", "「設置希望日」には今日以降の日付を入力してください"));
  }

  @Test
  void shouldRefuseAFutureDateWhereTheFormAsksForIt() {
    FormSchema schema = inline("""
        [{'type':'datetime','subtype':'date','key':'birth','dateLabel':'生年月日',
          'properties':{'disallowFutureDates':'true'}}]""");

    assertThat(FormValidator.validate(schema, json("{'birth':'" + TestDates.daysAhead(0) + "'}")).violations())
        .isEmpty();
    assertThat(FormValidator.validate(schema, json("{'birth':'1900-01-01'}")).violations()).isEmpty();
    assertThat(FormValidator.validate(schema, json("{'birth':'" + TestDates.daysAhead(1) + "'}")).violations())
        .extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("birth", "「生年月日」には今日までの日付を入力してください"));
  }

  @Test
  void shouldRefuseAFormWhoseDateRuleCannotBeMet() {
    assertThatThrownBy(() -> inline("""
        [{'type':'datetime','subtype':'date','key':'day','disallowPassedDates':true,
          'properties':{'disallowFutureDates':'true'}}]""")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only today");
    assertThatThrownBy(() -> inline("""
        [{'type':'datetime','subtype':'date','key':'day','properties':{'disallowFutureDates':'yes'}}]"""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not true or false");
  }

  @Test
  void shouldRefuseABirthDateInTheFutureOnTheChildAllowanceForm() throws IOException {
    FormSchema childAllowance = FormSchema.parse(JSON.readTree(Path.of("../forms/child-allowance/apply.form").toFile()));

    assertThat(childAllowance.fields()).filteredOn(field -> field.key().equals("applicantBirthDate"))
        .extracting(FormField::days).containsExactly(FormField.Days.TODAY_OR_EARLIER);
    assertThat(childAllowance.fields()).filteredOn(field -> field.key().equals("children"))
        .flatExtracting(FormField::children).filteredOn(field -> field.key().equals("birthDate"))
        .extracting(FormField::days).containsExactly(FormField.Days.TODAY_OR_EARLIER);
  }

  @Test
  void shouldRefuseACollectionOrRepairDayAlreadyPast() throws IOException {
    String today = TestDates.daysAhead(0);
    String yesterday = TestDates.daysAgo(1);
    ObjectNode application = validApplication();
    application.put("preferredDate1", today).put("preferredDate2", today);
    assertThat(validate(application).violations()).isEmpty();

    application.put("preferredDate1", yesterday).put("preferredDate2", yesterday);
    assertThat(validate(application).violations()).extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("preferredDate1", "「第1希望日」には今日以降の日付を入力してください"),
            tuple("preferredDate2", "「第2希望日」には今日以降の日付を入力してください"));

    ObjectNode approval = json("{'decision':'approve','collectionDate':'%s','fee':1200,'ticketNumber':'T-2026-0001'}"
        .formatted(yesterday));
    assertThat(FormValidator.validate(REVIEW, approval, false).violations()).extracting(FormViolation::field)
        .containsExactly("collectionDate");

    FormSchema startRepair = FormSchema.parse(JSON.readTree(Path.of("../forms/road-damage-report/start-repair.form")
        .toFile()));
    assertThat(FormValidator.validate(startRepair, json("{'plannedDate':'" + yesterday + "'}"), false).violations())
        .extracting(FormViolation::messageJa).containsExactly("「完了予定日」には今日以降の日付を入力してください");
    assertThat(FormValidator.validate(startRepair, json("{'plannedDate':'" + today + "'}"), false).violations())
        .isEmpty();

    FormSchema completeRepair = FormSchema.parse(JSON.readTree(Path.of("../forms/road-damage-report/complete-repair.form")
        .toFile()));
    assertThat(FormValidator.validate(completeRepair, json("{'repairedDate':'" + TestDates.daysAhead(1) + "'}"), false)
        .violations()).extracting(FormViolation::messageJa).contains("「補修完了日」には今日までの日付を入力してください");
  }

  // --- text ---

  @Test
  void shouldRefuseControlCharactersAndDirectionOverridesInText() {
    FormSchema schema = inline("""
        [{'type':'textfield','key':'name','label':'氏名'},
         {'type':'textarea','key':'note','label':'備考'}]""");

    assertThat(FormValidator.validate(schema, json("{'name':'山田 花子 😀','note':'1行目\\n\\t2行目\\r\\n'}"))
        .violations()).isEmpty();
    for (String name : List.of("山田\\t花子", "山田\\u0007", "山田\\n花子", "\\u202Eko hanako", "山田\\u0085",
        "山田\\ud800", "\\u2066山田")) {
      assertThat(FormValidator.validate(schema, json("{'name':'" + name + "'}")).violations()).as(name)
          .extracting(FormViolation::field, FormViolation::messageEn).containsExactly(tuple("name", "contains a control character"));
    }
    assertThat(FormValidator.validate(schema, json("{'note':'備考\\u0000'}")).violations())
        .extracting(FormViolation::messageJa).containsExactly("「備考」に使えない文字（制御文字など）が含まれています。入力し直してください");
  }

  // --- conditional hide (review.form) ---

  @Test
  void shouldNotRequireHiddenFieldsWhenRejecting() {
    ObjectNode input = json("{'decision':'reject','rejectReason':'家電リサイクル法の対象品目のため収集できません。'}");

    FormValidator.Result result = FormValidator.validate(REVIEW, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data()).isEqualTo(input);
  }

  @Test
  void shouldRequireTheRejectReasonWhenRejecting() {
    FormValidator.Result result = FormValidator.validate(REVIEW, json("{'decision':'reject'}"), false);

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageJa)
        .containsExactly(tuple("rejectReason", "「却下の理由（住民に通知されます）」は必須です"));
  }

  @Test
  void shouldRequireCollectionDateFeeAndTicketNumberWhenApproving() {
    FormValidator.Result result = FormValidator.validate(REVIEW, json("{'decision':'approve'}"), false);

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageEn).containsExactly(
        tuple("collectionDate", "required"),
        tuple("fee", "required"),
        tuple("ticketNumber", "required"));
    assertThat(result.violations()).extracting(FormViolation::messageJa)
        .containsExactly("「収集日」は必須です", "「手数料（円）」は必須です", "「処理券番号」は必須です");
  }

  @Test
  void shouldAcceptACompleteApproval() {
    ObjectNode input = json("{'decision':'approve','collectionDate':'%s','fee':1200,'ticketNumber':'T-2026-0001'}"
        .formatted(TestDates.daysAhead(19)));

    FormValidator.Result result = FormValidator.validate(REVIEW, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data()).isEqualTo(input);
  }

  @Test
  void shouldValidateTheFieldsShownWhenApproving() {
    ObjectNode input = json("{'decision':'approve','collectionDate':'2026-13-40','fee':-1,'ticketNumber':'t1'}");

    assertThat(FormValidator.validate(REVIEW, input, false).violations()).extracting(FormViolation::field)
        .containsExactly("collectionDate", "fee", "ticketNumber");
  }

  @Test
  void shouldDropTheValueOfAHiddenField() {
    ObjectNode input = json("""
        {'decision':'reject','rejectReason':'対象外の品目です','collectionDate':'2026-12-15','fee':1200,
         'ticketNumber':'T-2026-0001'}""");

    FormValidator.Result result = FormValidator.validate(REVIEW, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data()).isEqualTo(json("{'decision':'reject','rejectReason':'対象外の品目です'}"));
  }

  @Test
  void shouldNotValidateTheValueOfAHiddenField() {
    ObjectNode input = json("{'decision':'return','returnComment':'大きさを確認してください','collectionDate':'2026-13-40'}");

    FormValidator.Result result = FormValidator.validate(REVIEW, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data().has("collectionDate")).isFalse();
  }

  @Test
  void shouldLetProcessVariablesThroughInNonStrictReview() {
    ObjectNode input = json("{'decision':'reject','rejectReason':'対象外の品目です','applicationNumber':'2026-000001'}");

    FormValidator.Result result = FormValidator.validate(REVIEW, input, false);

    assertThat(result.violations()).isEmpty();
    assertThat(result.data().has("applicationNumber")).isFalse();
  }

  @Test
  void shouldRefuseADecisionThatIsNotAnOption() {
    FormValidator.Result result = FormValidator.validate(REVIEW, json("{'decision':'maybe'}"), false);

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("decision", "not one of the options"));
  }

  @Test
  void shouldEvaluateAHideExpressionInsideAListItemWithTheItemsValues() {
    FormSchema schema = inline("""
        [{'type':'dynamiclist','path':'rows','label':'行','components':[
           {'type':'checkbox','key':'other','label':'その他'},
           {'type':'textfield','key':'detail','label':'詳細','validate':{'required':true},
            'conditional':{'hide':'=other != true'}}]}]""");

    FormValidator.Result result = FormValidator.validate(schema,
        json("{'rows':[{'other':false},{'other':true},{'other':false,'detail':''}]}"));

    assertThat(result.violations()).extracting(FormViolation::field).containsExactly("rows[1].detail");
    assertThat(result.data()).isEqualTo(json("{'rows':[{'other':false},{'other':true},{'other':false}]}"));
  }

  @Test
  void shouldRefuseAResidentsValueForAFieldItsConditionHidesNamingTheField() {
    FormSchema schema = inline("""
        [{'type':'select','key':'purpose','label':'使いみち','values':[{'label':'年金','value':'pension'},
           {'label':'その他','value':'other'}]},
         {'type':'textfield','key':'purposeDetail','label':'使いみち（具体的に）','validate':{'maxLength':100},
          'conditional':{'hide':'=purpose != \\\"other\\\"'}},
         {'type':'dynamiclist','path':'rows','label':'行','components':[
           {'type':'checkbox','key':'other','label':'その他'},
           {'type':'textfield','key':'detail','label':'詳細','conditional':{'hide':'=other != true'}}]}]""");

    FormValidator.Result result = FormValidator.validate(schema, json("""
        {'purpose':'pension','purposeDetail':{'evil':['xxxx']},'rows':[{'other':false,'detail':'x'}]}"""));

    assertThat(result.violations()).extracting(FormViolation::field, FormViolation::messageEn).containsExactly(
        tuple("purposeDetail", "hidden by the form's condition: send no value"),
        tuple("rows[0].detail", "hidden by the form's condition: send no value"));
    assertThat(result.violations().get(0).messageJa()).isEqualTo("「使いみち（具体的に）」は今の入力内容では使わない項目です。値を送らないでください");
    assertThat(FormValidator.validate(schema, json("""
        {'purpose':'pension','purposeDetail':{'evil':['xxxx']}}"""), false).violations())
        .as("a clerk's task form: hidden values are dropped, not refused").isEmpty();
  }

  @Test
  void shouldTakeWhatFormJsLeavesOfAHiddenFieldAsNoValue() {
    FormSchema schema = inline("""
        [{'type':'checkbox','key':'more','label':'詳しく書く'},
         {'type':'textfield','key':'text','label':'詳細','conditional':{'hide':'=more != true'}},
         {'type':'checkbox','key':'agree','label':'同意','conditional':{'hide':'=more != true'}},
         {'type':'checklist','key':'tags','label':'分類','values':[{'label':'A','value':'a'}],
          'conditional':{'hide':'=more != true'}}]""");

    FormValidator.Result result = FormValidator.validate(schema,
        json("{'more':false,'text':'','agree':false,'tags':[]}"));

    assertThat(result.violations()).isEmpty();
    assertThat(result.data()).isEqualTo(json("{'more':false}"));
  }

  // --- readonly / disabled ---

  @Test
  void shouldSkipReadonlyAndDisabledFields() {
    FormSchema schema = inline("""
        [{'type':'textfield','key':'applicationNumber','label':'受付番号','readonly':true,
          'validate':{'required':true,'pattern':'^\\\\d+$'}},
         {'type':'number','key':'total','label':'合計','disabled':true,'validate':{'required':true}},
         {'type':'textfield','key':'comment','label':'コメント'}]""");

    FormValidator.Result missing = FormValidator.validate(schema, json("{'comment':'ok'}"));
    assertThat(missing.violations()).isEmpty();
    assertThat(missing.data()).isEqualTo(json("{'comment':'ok'}"));

    FormValidator.Result wrong = FormValidator.validate(schema,
        json("{'applicationNumber':'not a number','total':'many','comment':'ok'}"));
    assertThat(wrong.violations()).isEmpty();
    assertThat(wrong.data()).isEqualTo(json("{'comment':'ok'}"));
  }

  // --- groups and layout ---

  @Test
  void shouldFlattenAGroupWithoutPathAndNestAGroupWithPath() {
    FormSchema schema = inline("""
        [{'type':'text','text':'説明'},
         {'type':'group','label':'氏名','components':[
           {'type':'textfield','key':'familyName','label':'姓','validate':{'required':true}}]},
         {'type':'group','path':'contact','label':'連絡先','components':[
           {'type':'textfield','key':'email','label':'メール','validate':{'validationType':'email'}}]},
         {'type':'button','key':'submit','action':'submit'}]""");

    assertThat(schema.fields()).extracting(FormField::key).containsExactly("familyName", "contact");

    FormValidator.Result ok = FormValidator.validate(schema,
        json("{'familyName':'山田','contact':{'email':'taro@example.jp'}}"));
    assertThat(ok.violations()).isEmpty();

    FormValidator.Result bad = FormValidator.validate(schema, json("{'contact':{'email':'taro'}}"));
    assertThat(bad.violations()).extracting(FormViolation::field).containsExactly("familyName", "contact.email");
  }

  @Test
  void shouldHideTheFieldsOfAHiddenGroupWithoutPath() {
    FormSchema schema = inline("""
        [{'type':'checkbox','key':'byProxy','label':'代理人が申請する'},
         {'type':'group','label':'代理人','conditional':{'hide':'=byProxy != true'},'components':[
           {'type':'textfield','key':'proxyName','label':'代理人の氏名','validate':{'required':true}},
           {'type':'textfield','key':'proxyNote','label':'備考','conditional':{'hide':'=proxyName = \\"なし\\"'}}]}]""");

    assertThat(FormValidator.validate(schema, json("{'byProxy':false}")).violations()).as("hidden: not required").isEmpty();
    assertThat(FormValidator.validate(schema, json("{'proxyName':'佐藤'}")).violations())
        .as("hidden: a value for it is refused, as for any hidden field")
        .extracting(FormViolation::field).containsExactly("proxyName");
    assertThat(FormValidator.validate(schema, json("{'byProxy':true}")).violations())
        .extracting(FormViolation::field).containsExactly("proxyName");
    assertThat(FormValidator.validate(schema, json("{'byProxy':true,'proxyName':'なし','proxyNote':'x'}")).violations())
        .as("the field's own condition still counts").extracting(FormViolation::field).containsExactly("proxyNote");
    assertThat(FormValidator.validate(schema, json("{'byProxy':true,'proxyName':'佐藤','proxyNote':'x'}")).data())
        .hasToString("{\"byProxy\":true,\"proxyName\":\"佐藤\",\"proxyNote\":\"x\"}");
  }

  @Test
  void shouldRequireTheRequiredFieldsOfAGroupWithPathWhenTheGroupIsMissing() {
    FormSchema schema = inline("""
        [{'type':'group','path':'contact','label':'連絡先','components':[
           {'type':'textfield','key':'email','label':'メール','validate':{'required':true}}]}]""");

    assertThat(FormValidator.validate(schema, json("{'contact':{}}")).violations())
        .extracting(FormViolation::field).containsExactly("contact.email");
    assertThat(FormValidator.validate(schema, json("{}")).valid()).isFalse();
  }

  @Test
  void shouldRefuseAnUncheckedRequiredCheckboxAndAnEmptyRequiredChecklist() {
    FormSchema schema = inline("""
        [{'type':'checkbox','key':'agree','label':'同意する','validate':{'required':true}},
         {'type':'checklist','key':'days','label':'曜日','values':[{'label':'月','value':'mon'}],
          'validate':{'required':true}}]""");

    assertThat(FormValidator.validate(schema, json("{'agree':false,'days':[]}")).violations())
        .extracting(FormViolation::field, FormViolation::messageEn)
        .containsExactly(tuple("agree", "required"), tuple("days", "required"));
  }

  // --- messages ---

  @Test
  void shouldGiveJapaneseAndEnglishMessages() {
    ObjectNode input = json("{'items':[{'size':'XL','quantity':'2'}],'phone':'abc','preferredDate1':'2026-13-40'}");

    FormValidator.Result result = validate(input);

    assertThat(result.violations()).extracting(FormViolation::field)
        .containsExactly("applicantName", "items[0].name", "items[0].quantity", "address", "preferredDate1", "phone");
    assertThat(result.violations()).allSatisfy(violation -> {
      assertThat(violation.messageJa()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
      assertThat(violation.messageEn()).matches("[\\x20-\\x7E]+").doesNotContainPattern("[\\p{IsHan}]");
    });
    assertThat(result.violations().get(0).toString()).isEqualTo(
        result.violations().get(0).field() + ": " + result.violations().get(0).messageJa() + " ("
            + result.violations().get(0).messageEn() + ")");
  }
}
