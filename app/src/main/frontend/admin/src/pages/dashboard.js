// ダッシュボード: usage statistics of a period (JST dates), as charts with their tables and CSV.

import { h } from '../../../liff/src/dom.js';
import { saveFile } from '../api.js';
import { notices, todayInJapan } from '../ui.js';
import { cards } from './dashboard-cards.js';

const PRESETS = [
  { label: '過去30日', range: () => [todayInJapan(-29), todayInJapan()] },
  { label: '今月', range: () => [`${todayInJapan().slice(0, 7)}-01`, todayInJapan()] },
  { label: '今年度', range: () => [fiscalYearStart(todayInJapan()), todayInJapan()] },
  { label: '過去1年', range: () => [todayInJapan(-364), todayInJapan()] },
];

const weekday = ['日', '月', '火', '水', '木', '金', '土'];

/** "2026-04-01" → "2026年4月1日（水）" */
function plainDate(text) {
  const [year, month, day] = text.split('-').map(Number);
  return `${year}年${month}月${day}日（${weekday[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}）`;
}

/** 年度: from 1 April. */
function fiscalYearStart(today) {
  const [year, month] = today.split('-').map(Number);
  return `${month >= 4 ? year : year - 1}-04-01`;
}

export async function renderDashboard(container, { api, isCurrent }) {
  const charts = [];
  const messages = notices();
  const from = h('input', { type: 'date', id: 'period-from', name: 'from', required: true, value: todayInJapan(-29),
    'data-testid': 'period-from' });
  const to = h('input', { type: 'date', id: 'period-to', name: 'to', required: true, value: todayInJapan(),
    'data-testid': 'period-to' });
  const results = h('div', { class: 'dashboard', 'aria-live': 'polite', 'aria-busy': 'false' });
  const shown = h('p', { class: 'period-shown', 'data-testid': 'period-shown' });

  async function load() {
    results.setAttribute('aria-busy', 'true');
    messages.clear();
    let statistics;
    try {
      statistics = await api.statistics(from.value, to.value);
    } catch (error) {
      results.setAttribute('aria-busy', 'false');
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    charts.splice(0).forEach((instance) => instance.destroy());
    const download = (table) => async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        saveFile(await api.statisticsCsv(table, statistics.from, statistics.to));
      } catch (error) {
        messages.show(error.message, 'error');
      } finally {
        button.disabled = false;
      }
    };
    shown.textContent = `表示中：${plainDate(statistics.from)} 〜 ${plainDate(statistics.to)}`;
    const { sections, draws } = cards(statistics, download);
    results.replaceChildren(...sections);
    draws.forEach((draw) => charts.push(draw()));
    results.setAttribute('aria-busy', 'false');
  }

  const form = h('form', { class: 'period', 'data-testid': 'period-form', onsubmit: (event) => {
    event.preventDefault();
    load();
  } },
  h('fieldset', {},
    h('legend', { text: '期間（日本時間）' }),
    h('div', { class: 'period-fields' },
      h('div', { class: 'field' }, h('label', { for: 'period-from', text: '開始日' }), from),
      h('span', { class: 'period-dash', 'aria-hidden': 'true', text: '〜' }),
      h('div', { class: 'field' }, h('label', { for: 'period-to', text: '終了日' }), to),
      h('button', { type: 'submit', class: 'button', 'data-testid': 'period-apply', text: '表示' })),
    h('div', { class: 'presets', role: 'group', 'aria-label': 'よく使う期間' },
      PRESETS.map((preset) => h('button', { type: 'button', class: 'button secondary small', text: preset.label,
        onclick: () => {
          [from.value, to.value] = preset.range();
          load();
        } }))),
    shown));
  container.replaceChildren(
    h('p', { class: 'lead', text: 'この期間に受け付けた申請の件数と、その申請の現在の状況です。件数だけを表示し、個人の情報は含みません。' }),
    form, messages.element, results);
  await load();
  return () => charts.splice(0).forEach((instance) => instance.destroy());
}
