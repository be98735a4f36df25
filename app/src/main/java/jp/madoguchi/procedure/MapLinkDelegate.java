package jp.madoguchi.procedure;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * 「地図のリンクを作る」: when the application has a position (two number fields, by default
 * {@code latitude} and {@code longitude}), sets a link to it on OpenStreetMap (by default the variable
 * {@code mapUrl}) for the clerks' forms; without a position nothing is set. No map tiles are loaded by
 * the app: the clerk opens the link.
 *
 * <p>Input parameters (all optional): {@code latitudeVariable}, {@code longitudeVariable},
 * {@code resultVariable}.
 */
@ProcedureBuildingBlock("mapLink")
class MapLinkDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object latitude = execution.getVariable(StepInputs.text(execution, "latitudeVariable", "latitude"));
    Object longitude = execution.getVariable(StepInputs.text(execution, "longitudeVariable", "longitude"));
    if (latitude instanceof Number lat && longitude instanceof Number lon) {
      execution.setVariable(StepInputs.text(execution, "resultVariable", "mapUrl"),
          openStreetMap(lat.doubleValue(), lon.doubleValue()));
    }
  }

  static String openStreetMap(double latitude, double longitude) {
    String lat = String.format(Locale.ROOT, "%.6f", latitude);
    String lon = String.format(Locale.ROOT, "%.6f", longitude);
    return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=19/" + lat + "/" + lon;
  }
}
