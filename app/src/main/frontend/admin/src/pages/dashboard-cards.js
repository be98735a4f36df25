// The dashboard's cards: one chart (Chart.js) per table of the statistics API, with the same numbers.

import { h, uniqueId } from '../../../liff/src/dom.js';
import { chart, colour, integerAxis } from '../charts.js';
import { table } from '../ui.js';

const number = new Intl.NumberFormat('ja-JP');
const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** @returns {{ sections: Node[], draws: (() => Chart)[] }} draws run once the sections are in the page */
export function cards(statistics, download) {
  const names = Object.fromEntries(statistics.procedures.map((procedure) => [procedure.key, procedure.name]));
  const name = (key) => names[key] || key;
  const keys = statistics.procedures.map((procedure) => procedure.key);
  const csv = (tableName) => ({ table: tableName, onclick: download(tableName) });
  const sections = [summary(statistics)];
  const draws = [];
  const add = (options, config) => {
    const { section, canvas } = card(options);
    sections.push(section);
    if (config) draws.push(() => chart(canvas, config));
  };

  const byDay = statistics.applicationsByDay;
  add({ title: '日別の申請件数', wide: true, testId: 'card-applications-daily', csv: csv('applications-daily'),
    chartLabel: `日別の申請件数の積み上げ棒グラフ。期間の合計 ${number.format(sum(byDay, 'total'))} 件`,
    table: periodTable('日付', byDay, keys, name) }, {
    type: 'bar',
    data: { labels: byDay.map((day) => day.period.slice(5).replace('-', '/')),
      datasets: keys.map((key, index) => ({ label: name(key), data: byDay.map((day) => day.byProcedure[key] || 0),
        backgroundColor: colour(index), stack: 'applications' })) },
    options: { scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { ...integerAxis, stacked: true } } },
  });

  const byMonth = statistics.applicationsByMonth;
  add({ title: '月別の申請件数', testId: 'card-applications-monthly', csv: csv('applications-monthly'),
    chartLabel: '月別の申請件数の積み上げ棒グラフ', table: periodTable('月', byMonth, keys, name) }, {
    type: 'bar',
    data: { labels: byMonth.map((month) => month.period.replace('-', '年') + '月'),
      datasets: keys.map((key, index) => ({ label: name(key), data: byMonth.map((month) => month.byProcedure[key] || 0),
        backgroundColor: colour(index) })) },
    options: { scales: { x: { stacked: true }, y: { ...integerAxis, stacked: true } } },
  });

  const channels = statistics.channels;
  add({ title: 'オンライン申請と窓口申請', testId: 'card-channels', csv: csv('channels'),
    note: 'オンライン：住民が LINE から申請。窓口：職員が受け付けて入力。',
    chartLabel: '手続ごとのオンライン申請と窓口申請の件数', table: table('オンライン申請と窓口申請', [
      { title: '手続', value: (row) => name(row.procedureKey) },
      { title: 'オンライン', value: (row) => number.format(row.online), className: 'num' },
      { title: '窓口', value: (row) => number.format(row.counter), className: 'num' },
      { title: 'オンライン比率', value: (row) => percent(row.online, row.online + row.counter), className: 'num' },
    ], channels) }, horizontalStack(channels.map((row) => name(row.procedureKey)), [
    { label: 'オンライン', data: channels.map((row) => row.online) },
    { label: '窓口', data: channels.map((row) => row.counter) }]));

  add(...statusCard(statistics.statuses, name, csv));

  const times = statistics.processingTimes;
  add({ title: '処理時間（受付から終了まで）', testId: 'card-processing-times', csv: csv('processing-times'),
    note: '期間内に受け付け、すでに終わった申請の中央値と90パーセンタイル（取下げを含む）。',
    chartLabel: '手続ごとの処理時間（日）の中央値と90パーセンタイル', table: table('処理時間', [
      { title: '手続', value: (row) => name(row.procedureKey) },
      { title: '終了件数', value: (row) => number.format(row.finished), className: 'num' },
      { title: '中央値', value: (row) => duration(row.medianSeconds), className: 'num' },
      { title: '90パーセンタイル', value: (row) => duration(row.p90Seconds), className: 'num' },
    ], times) }, {
    type: 'bar',
    data: { labels: times.map((row) => name(row.procedureKey)), datasets: [
      { label: '中央値（日）', data: times.map((row) => days(row.medianSeconds)), backgroundColor: colour(0) },
      { label: '90パーセンタイル（日）', data: times.map((row) => days(row.p90Seconds)), backgroundColor: colour(1) }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: '日' } } } },
  });

  const outcomes = statistics.returnsAndWithdrawals;
  add({ title: '差戻し率と取下げ率', testId: 'card-returns-withdrawals', csv: csv('returns-withdrawals'),
    note: '期間内に受け付けた申請のうち、一度でも差戻しになったもの、取下げ（期限切れを含む）で終わったものの割合。',
    chartLabel: '手続ごとの差戻し率と取下げ率（パーセント）', table: table('差戻し率と取下げ率', [
      { title: '手続', value: (row) => name(row.procedureKey) },
      { title: '申請件数', value: (row) => number.format(row.applications), className: 'num' },
      { title: '差戻し', value: (row) => `${number.format(row.returned)}（${percent(row.returned, row.applications)}）`,
        className: 'num' },
      { title: '取下げ', value: (row) => `${number.format(row.withdrawn)}（${percent(row.withdrawn, row.applications)}）`,
        className: 'num' },
    ], outcomes) }, {
    type: 'bar',
    data: { labels: outcomes.map((row) => name(row.procedureKey)), datasets: [
      { label: '差戻し率（%）', data: outcomes.map((row) => rate(row.returned, row.applications)), backgroundColor: colour(5) },
      { label: '取下げ率（%）', data: outcomes.map((row) => rate(row.withdrawn, row.applications)), backgroundColor: colour(3) }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: '%' } } } },
  });

  const tasks = statistics.overdueTasks;
  const department = (row) => (row.department ? row.name : '（部署なし）');
  add({ title: '部署別の未処理タスクと期限超過（現在）', testId: 'card-overdue-tasks', csv: csv('overdue-tasks'),
    note: '今この時点で開いているタスクです（期間によりません）。',
    chartLabel: '部署ごとの未処理タスクと期限超過タスクの件数', table: table('部署別の未処理タスク', [
      { title: '部署', value: department },
      { title: '未処理', value: (row) => number.format(row.open), className: 'num' },
      { title: '期限超過', value: (row) => number.format(row.overdue), className: 'num' },
    ], tasks, { empty: '開いているタスクはありません。' }) }, {
    type: 'bar',
    data: { labels: tasks.map(department), datasets: [
      { label: '未処理', data: tasks.map((row) => row.open), backgroundColor: colour(4) },
      { label: '期限超過', data: tasks.map((row) => row.overdue), backgroundColor: colour(5) }] },
    options: { indexAxis: 'y', scales: { x: integerAxis } },
  });

  const line = statistics.lineFollowers;
  add({ title: 'LINE 友だち追加とブロック', wide: true, testId: 'card-line-followers', csv: csv('line-followers'),
    note: `現在の友だち ${number.format(line.following)} 人、ブロック中 ${number.format(line.blocked)} 人（Madoguchi が受け取ったイベントから）。`,
    chartLabel: '日別の友だち追加とブロックの件数の折れ線グラフ', table: table('LINE 友だち追加とブロック', [
      { title: '日付', value: (row) => row.date },
      { title: '友だち追加', value: (row) => number.format(row.follows), className: 'num' },
      { title: 'ブロック', value: (row) => number.format(row.unfollows), className: 'num' },
    ], line.days, { empty: 'この期間のイベントはありません。' }) }, {
    type: 'line',
    data: { labels: line.days.map((day) => day.date.slice(5).replace('-', '/')), datasets: [
      { label: '友だち追加', data: line.days.map((day) => day.follows), borderColor: colour(2), backgroundColor: colour(2),
        pointRadius: 0 },
      { label: 'ブロック', data: line.days.map((day) => day.unfollows), borderColor: colour(5), backgroundColor: colour(5),
        pointRadius: 0 }] },
    options: { scales: { y: integerAxis, x: { ticks: { autoSkip: true, maxRotation: 0 } } } },
  });

  const payments = statistics.payments;
  const months = [...new Set(payments.map((row) => row.month))];
  const payingKeys = [...new Set(payments.map((row) => row.procedureKey))];
  add({ title: 'オンライン決済', testId: 'card-payments', csv: csv('payments'),
    note: `期間の合計 ${number.format(sum(payments, 'count'))} 件、${yen.format(sum(payments, 'amount'))}（支払い日で集計）。`,
    chartLabel: '月ごとのオンライン決済の金額', table: table('オンライン決済', [
      { title: '月', value: (row) => row.month },
      { title: '手続', value: (row) => name(row.procedureKey) },
      { title: '件数', value: (row) => number.format(row.count), className: 'num' },
      { title: '金額', value: (row) => yen.format(row.amount), className: 'num' },
    ], payments, { empty: 'この期間のオンライン決済はありません。' }) }, {
    type: 'bar',
    data: { labels: months, datasets: payingKeys.map((key, index) => ({ label: name(key), backgroundColor: colour(index),
      data: months.map((month) => payments.filter((row) => row.month === month && row.procedureKey === key)
        .reduce((total, row) => total + row.amount, 0)) })) },
    options: { scales: { x: { stacked: true }, y: { beginAtZero: true, stacked: true, title: { display: true, text: '円' } } } },
  });
  return { sections, draws };
}

/** The figures a 責任者 looks at first. */
function summary(statistics) {
  const total = sum(statistics.applicationsByDay, 'total');
  const online = sum(statistics.applicationsByDay, 'online');
  const open = statistics.statuses.filter((row) => row.open).reduce((count, row) => count + row.count, 0);
  const overdue = statistics.overdueTasks.reduce((count, row) => count + row.overdue, 0);
  const tile = (label, value, testId) => h('div', { class: 'tile', 'data-testid': testId },
    h('dt', { text: label }), h('dd', { text: value }));
  return h('section', { class: 'card wide summary', 'aria-label': '概要' },
    h('dl', { class: 'tiles' },
      tile('申請件数', `${number.format(total)} 件`, 'total-applications'),
      tile('オンライン比率', percent(online, total), 'online-share'),
      tile('処理中', `${number.format(open)} 件`, 'open-applications'),
      tile('期限超過タスク（現在）', `${number.format(overdue)} 件`, 'overdue-total'),
      tile('LINE 友だち', `${number.format(statistics.lineFollowers.following)} 人`, 'line-following')));
}

function statusCard(statuses, name, csv) {
  const rows = [...statuses].sort((a, b) => a.procedureKey.localeCompare(b.procedureKey) || Number(b.open) - Number(a.open)
    || b.count - a.count);
  const labels = rows.map((row) => `${name(row.procedureKey)}：${row.status}`);
  return [{ title: '状況の内訳', testId: 'card-statuses', csv: csv('statuses'), rows: rows.length,
    note: '期間内に受け付けた申請が、いま住民にどう見えているか（処理中は現在の状況、終了は最後の状況）。',
    chartLabel: '手続と状況ごとの申請件数', table: table('状況の内訳', [
      { title: '手続', value: (row) => name(row.procedureKey) },
      { title: '状況', value: (row) => row.status },
      { title: '処理中/終了', value: (row) => (row.open ? '処理中' : '終了') },
      { title: '件数', value: (row) => number.format(row.count), className: 'num' },
    ], rows) }, {
    type: 'bar',
    data: { labels, datasets: [
      { label: '処理中', data: rows.map((row) => (row.open ? row.count : 0)), backgroundColor: colour(0) },
      { label: '終了', data: rows.map((row) => (row.open ? 0 : row.count)), backgroundColor: colour(7) }] },
    options: { indexAxis: 'y', scales: { x: { ...integerAxis, stacked: true },
      y: { stacked: true, ticks: { autoSkip: false } } } },
  }];
}

function periodTable(first, periods, keys, name) {
  return table(first === '日付' ? '日別の申請件数' : '月別の申請件数', [
    { title: first, value: (row) => row.period },
    ...keys.map((key) => ({ title: name(key), value: (row) => number.format(row.byProcedure[key] || 0), className: 'num' })),
    { title: 'オンライン', value: (row) => number.format(row.online), className: 'num' },
    { title: '窓口', value: (row) => number.format(row.counter), className: 'num' },
    { title: '合計', value: (row) => number.format(row.total), className: 'num' },
  ], periods);
}

function horizontalStack(labels, series) {
  return {
    type: 'bar',
    data: { labels, datasets: series.map((entry, index) => ({ ...entry, backgroundColor: colour(index) })) },
    options: { indexAxis: 'y', scales: { x: { ...integerAxis, stacked: true }, y: { stacked: true } } },
  };
}

function sum(rows, field) {
  return rows.reduce((total, row) => total + (row[field] || 0), 0);
}

function rate(part, whole) {
  return whole ? Math.round((part * 1000) / whole) / 10 : 0;
}

function percent(part, whole) {
  return whole ? `${rate(part, whole).toFixed(1)}%` : '—';
}

function days(seconds) {
  return seconds === null || seconds === undefined ? null : Math.round(seconds / 8640) / 10;
}

/** 3600 s → "1.0 時間", 3 days → "3.0 日". */
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  return seconds < 86_400 ? `${(seconds / 3600).toFixed(1)} 時間` : `${(seconds / 86_400).toFixed(1)} 日`;
}

/** A card: heading, what it shows, the chart, its numbers as a table, and the CSV of that table. */
function card({ title, note, table, csv, chartLabel, wide = false, testId, rows = 0 }) {
  const titleId = uniqueId('card');
  const canvas = h('canvas', { role: 'img', 'aria-label': chartLabel });
  const section = h('section', { class: wide ? 'card wide' : 'card', 'aria-labelledby': titleId, 'data-testid': testId },
    h('div', { class: 'card-head' },
      h('h2', { id: titleId, text: title }),
      csv ? h('button', { type: 'button', class: 'button secondary small', 'data-testid': `csv-${csv.table}`,
        onclick: csv.onclick }, 'CSV', h('span', { class: 'visually-hidden', text: `（${title}）をダウンロード` })) : null),
    note ? h('p', { class: 'note', text: note }) : null,
    h('div', { class: rows > 10 ? `chart rows-${Math.min(Math.ceil(rows / 10) * 10, 40)}` : 'chart' }, canvas),
    table ? h('details', { class: 'numbers' }, h('summary', { text: '数値を表で見る' }), table) : null);
  return { section, canvas };
}
