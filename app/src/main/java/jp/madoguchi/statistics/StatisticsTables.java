package jp.madoguchi.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.madoguchi.statistics.Statistics.Period;
import jp.madoguchi.statistics.Statistics.Procedure;

/** Every table behind a chart of the dashboard, as rows a spreadsheet opens. */
enum StatisticsTables {

  APPLICATIONS_DAILY("applications-daily", "日別の申請件数", s -> periods("日付", s.applicationsByDay(), s)),
  APPLICATIONS_MONTHLY("applications-monthly", "月別の申請件数", s -> periods("月", s.applicationsByMonth(), s)),
  CHANNELS("channels", "オンライン申請と窓口申請", s -> new Table(
      List.of("手続", "オンライン", "窓口", "合計"),
      s.channels().stream().map(c -> row(name(s, c.procedureKey()), c.online(), c.counter(), c.online() + c.counter()))
          .toList())),
  STATUSES("statuses", "状況の内訳", s -> new Table(
      List.of("手続", "状況", "処理中/終了", "件数"),
      s.statuses().stream().map(c -> row(name(s, c.procedureKey()), c.status(), c.open() ? "処理中" : "終了", c.count()))
          .toList())),
  PROCESSING_TIMES("processing-times", "処理時間", s -> new Table(
      List.of("手続", "終了件数", "中央値（時間）", "90パーセンタイル（時間）"),
      s.processingTimes().stream().map(t -> row(name(s, t.procedureKey()), t.finished(), hours(t.medianSeconds()),
          hours(t.p90Seconds()))).toList())),
  RETURNS_AND_WITHDRAWALS("returns-withdrawals", "差戻し率と取下げ率", s -> new Table(
      List.of("手続", "申請件数", "差戻し件数", "差戻し率（%）", "取下げ件数", "取下げ率（%）"),
      s.returnsAndWithdrawals().stream().map(o -> row(name(s, o.procedureKey()), o.applications(), o.returned(),
          percent(o.returned(), o.applications()), o.withdrawn(), percent(o.withdrawn(), o.applications()))).toList())),
  OVERDUE_TASKS("overdue-tasks", "部署別の期限超過タスク（現在）", s -> new Table(
      List.of("部署", "部署ID", "未処理タスク", "期限超過"),
      s.overdueTasks().stream().map(d -> row(d.department().isEmpty() ? "（部署なし）" : d.name(), d.department(),
          d.open(), d.overdue())).toList())),
  LINE_FOLLOWERS("line-followers", "LINE 友だち追加とブロック", s -> new Table(
      List.of("日付", "友だち追加", "ブロック"),
      s.lineFollowers().days().stream().map(d -> row(d.date(), d.follows(), d.unfollows())).toList())),
  PAYMENTS("payments", "オンライン決済", s -> new Table(
      List.of("月", "手続", "件数", "金額（円）"),
      s.payments().stream().map(p -> row(p.month(), name(s, p.procedureKey()), p.count(), p.amount())).toList()));

  record Table(List<String> header, List<List<Object>> rows) {
  }

  private final String slug;
  private final String title;
  private final Function<Statistics, Table> table;

  StatisticsTables(String slug, String title, Function<Statistics, Table> table) {
    this.slug = slug;
    this.title = title;
    this.table = table;
  }

  String slug() {
    return slug;
  }

  String title() {
    return title;
  }

  Table of(Statistics statistics) {
    return table.apply(statistics);
  }

  static Optional<StatisticsTables> bySlug(String slug) {
    return Arrays.stream(values()).filter(table -> table.slug.equals(slug)).findFirst();
  }

  /** One column per procedure, then the channels and the total. */
  private static <T> Table periods(String first, List<Period<T>> periods, Statistics s) {
    List<String> header = new ArrayList<>(List.of(first));
    s.procedures().forEach(procedure -> header.add(procedure.name()));
    header.addAll(List.of("オンライン", "窓口", "合計"));
    List<List<Object>> rows = new ArrayList<>();
    for (Period<T> period : periods) {
      List<Object> row = new ArrayList<>(List.of(period.period()));
      s.procedures().forEach(procedure -> row.add(period.byProcedure().getOrDefault(procedure.key(), 0L)));
      row.addAll(List.of(period.online(), period.counter(), period.total()));
      rows.add(row);
    }
    return new Table(header, rows);
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static String name(Statistics s, String key) {
    Map<String, String> names = s.procedures().stream().collect(Collectors.toMap(Procedure::key, Procedure::name));
    return names.getOrDefault(key, key);
  }

  private static String hours(Long seconds) {
    return seconds == null ? "" : String.format(Locale.ROOT, "%.1f", seconds / 3600.0);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f", part * 100.0 / whole);
  }
}
