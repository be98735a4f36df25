package jp.madoguchi.export;

/**
 * An application whose stored data cannot be opened with the municipality's key (damaged, or written
 * under a key that is gone). The export stops rather than leave it out; the message names only the
 * application's number, so that an operator can find the row.
 */
class UnreadableApplication extends RuntimeException {

  UnreadableApplication(String number, RuntimeException cause) {
    super("申請 " + number + " のデータを復号できないため、書き出しを中止しました。運用者に連絡してください "
        + "(the data of application " + number + " cannot be decrypted; the export stopped)", cause);
  }
}
