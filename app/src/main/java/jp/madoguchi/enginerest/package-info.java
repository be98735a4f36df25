/**
 * Camunda's REST API ({@code /engine-rest}) as an entry point of the app: its authentication, its error
 * answers (also those of the webapps' engine API) and its idempotent process starts.
 */
package jp.madoguchi.enginerest;
