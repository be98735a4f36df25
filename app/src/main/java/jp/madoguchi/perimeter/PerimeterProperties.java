package jp.madoguchi.perimeter;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the perimeter accepts before any controller, authentication or parser sees a request.
 *
 * @param webhookBody {@code POST /line/{tenant}/webhook}: LINE's events (a text message is at most 5,000 characters)
 * @param callbackBody signed provider callbacks ({@code /payment/*}/callback, {@code /identity/*}/callback)
 * @param residentJsonBody JSON bodies of the resident API ({@code /api/{tenant}/...}), read before the ID token is checked
 * @param staffJsonBody JSON and form bodies of staff endpoints: {@code /api/{tenant}/admin/**}, {@code /engine-rest},
 *     the Camunda webapps
 * @param uploadBody multipart bodies carrying one file (residents' and staff's photos and PDFs, the verification page,
 *     a signing certificate)
 * @param deploymentBody multipart bodies of {@code /engine-rest} (a deployment: BPMN, DMN and forms)
 * @param otherBody anything else
 * @param jsonMaxDepth nesting depth of any JSON the app reads (request bodies, Camunda JSON variables)
 * @param desktopOrigins {@code Origin} values of desktop tools allowed to call staff endpoints with HTTP Basic
 *     (Camunda Modeler is an Electron app whose pages come from {@code file://})
 * @param requireTls refuse plain HTTP from other machines ({@link PlainHttpRefusal}); null: when the public URL is https
 */
@ConfigurationProperties("madoguchi.perimeter")
public record PerimeterProperties(DataSize webhookBody, DataSize callbackBody, DataSize residentJsonBody,
    DataSize staffJsonBody, DataSize uploadBody, DataSize deploymentBody, DataSize otherBody, int jsonMaxDepth,
    List<String> desktopOrigins, Boolean requireTls) {
}
