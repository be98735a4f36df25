package jp.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the deploy guard asks of a notice's inputs written out in the model. */
class NotifyResidentInputCheckTests {

  private final NotifyResidentDelegate block = new NotifyResidentDelegate(null, null, null, null, null);

  @Test
  void shouldRefuseALinkToStatusWrittenAsTextThatWouldNotTurnTheButtonOff() {
    for (String written : new String[] {"false", "no", "0", ""}) {
      assertThat(block.problem("linkToStatus", written)).as(written).isNotNull()
          .satisfies(problem -> assertThat(problem[1]).contains("as ${true} or ${false}"));
    }
    assertThat(block.problem("linkToStatus", "true")).as("the button stays, as written").isNull();
    assertThat(block.problem("message", "受付しました")).isNull();
  }
}
