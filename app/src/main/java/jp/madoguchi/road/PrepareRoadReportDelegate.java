package jp.madoguchi.road;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.publicurl.PublicUrl;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;

/**
 * After a damage report is registered: checks the number of photos (form-js cannot limit it) and
 * gives the clerks' forms what they show: links to the photos on the staff endpoint (form-js
 * images need absolute http(s) URLs), a map link and the page for adding the after-photo.
 */
@ProcedureBuildingBlock("prepareRoadReport")
class PrepareRoadReportDelegate implements JavaDelegate {

  static final int MAX_PHOTOS = 3;

  private final PublicUrl publicUrl;

  PrepareRoadReportDelegate(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> photos = photos(execution.getVariable("photos"));
    if (photos.isEmpty() || photos.size() > MAX_PHOTOS) {
      throw InvalidFormException.of(List.of(new FormViolation("photos",
          "「損傷の写真」は1〜3枚添付してください", "attach 1 to 3 photos")));
    }
    if (execution.getVariable("dangerous") == null) {
      execution.setVariable("dangerous", false);
    }
    String staffApi = publicUrl.base() + "/api/" + execution.getTenantId() + "/admin/";
    for (int i = 0; i < photos.size(); i++) {
      execution.setVariable("photoUrl" + (i + 1), staffApi + "attachments/" + photos.get(i));
    }
    if (execution.getVariable("latitude") instanceof Number latitude
        && execution.getVariable("longitude") instanceof Number longitude) {
      execution.setVariable("mapUrl", mapUrl(latitude.doubleValue(), longitude.doubleValue()));
    }
    execution.setVariable("afterPhotoPageUrl",
        staffApi + "applications/" + execution.getVariable("applicationNumber") + "/upload");
  }

  static String mapUrl(double latitude, double longitude) {
    String lat = String.format(Locale.ROOT, "%.6f", latitude);
    String lon = String.format(Locale.ROOT, "%.6f", longitude);
    return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=19/" + lat + "/" + lon;
  }

  private static List<String> photos(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> ids.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof String id && !id.isBlank()) {
      ids.add(id);
    }
    return ids;
  }
}
