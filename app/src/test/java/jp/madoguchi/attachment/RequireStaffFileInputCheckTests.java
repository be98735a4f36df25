package jp.madoguchi.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the deploy guard asks of the inputs of 「職員のファイルを必須にする」 written out in the model. */
class RequireStaffFileInputCheckTests {

  private final RequireStaffFileDelegate block = new RequireStaffFileDelegate(null);

  @Test
  void shouldTakeImageOrAnyAsTheAcceptedFilesOnly() {
    assertThat(block.problem("acceptedFiles", "image")).isNull();
    assertThat(block.problem("acceptedFiles", "any")).isNull();
    for (String written : new String[] {"images", "photo", "pdf", ""}) {
      assertThat(block.problem("acceptedFiles", written)).as(written).isNotNull()
          .satisfies(problem -> assertThat(problem[1]).isEqualTo("acceptedFiles '" + written + "' must be image or any"));
    }
    assertThat(block.problem("field", "afterPhoto")).isNull();
  }
}
