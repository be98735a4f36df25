/**
 * Camunda's REST API ({@code /engine-rest}) as an entry point of the app: its error answers and its
 * idempotent process starts. Its authentication stays with the web security in {@code system}.
 */
package jp.madoguchi.enginerest;
