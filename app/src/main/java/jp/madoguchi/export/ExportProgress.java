package jp.madoguchi.export;

/** What a running export reports as it goes: the phase it is in and items done of the total. */
interface ExportProgress {

  void phase(String phase, long total);

  void item();
}
