// LINE 連携: whether LINE takes the channel access token in use, replacing the token and the channel
// secret after they were reissued in the LINE Developers console (never shown), and the LINE Login
// channel id and LIFF id after that channel or app was made anew.

import { h } from '../../../liff/src/dom.js';
import { act, alert, notices } from '../ui.js';

const ANSWERS = {
  ACCEPTED: null,
  REFUSED: ['LINE が現在のチャネルアクセストークンを受け付けていません。住民への通知と応答は止まっています'
    + '（再送の期限内に新しいトークンに置き換えれば、そこから送られます）。下のフォームから置き換えてください。', 'error'],
  UNREACHABLE: ['LINE に接続できなかったため、トークンを確認できませんでした。しばらくしてから開き直してください。', 'warning'],
};

export async function renderLineChannel(container, { api, isCurrent }) {
  const messages = notices();
  const details = h('div', { 'data-testid': 'line-channel' });

  function show(status) {
    if (!status.configured) {
      details.replaceChildren(alert('この自治体には LINE のチャネルが設定されていません。運用担当者にお問い合わせください。', 'warning'));
      return;
    }
    const answer = ANSWERS[status.lineAnswer];
    const row = (label, value) => [h('dt', { text: label }), h('dd', { text: value })];
    details.replaceChildren(...[ // replaceChildren would show a null as the text "null"
      answer ? alert(answer[0], answer[1]) : null,
      h('dl', { class: 'facts' },
        row('LINE の応答', status.lineAnswer === 'ACCEPTED' ? 'トークンを受け付けています'
          : status.lineAnswer === 'REFUSED' ? 'トークンを受け付けていません' : '確認できません'),
        status.botName ? row('公式アカウント', `${status.botName}（${status.basicId || ''}）`) : null,
        status.botUserId ? row('ボットのユーザーID', status.botUserId) : null,
        row('LINE ログインのチャネルID', status.loginChannelId || '（未設定）'),
        row('LIFF ID', status.liffId || '（未設定）'))].filter(Boolean));
  }

  async function load() {
    try {
      const status = await api.lineChannel();
      if (isCurrent()) show(status);
    } catch (error) {
      messages.show(error.message, 'error');
    }
  }

  const input = (type, id, fields) => h('input', { type, id, autocomplete: 'off', spellcheck: 'false',
    'data-testid': id, ...fields });
  const fields = {
    channelAccessToken: input('password', 'line-token'),
    channelSecret: input('password', 'line-secret'),
    loginChannelId: input('text', 'line-login-channel', { inputmode: 'numeric', placeholder: '例：1234567890' }),
    liffId: input('text', 'line-liff-id', { placeholder: '例：1234567890-AbCdEfGh' }),
  };
  const submit = h('button', { type: 'submit', class: 'button', text: '変更する', 'data-testid': 'line-replace' });
  const form = h('form', { class: 'form', onsubmit: async (event) => {
    event.preventDefault();
    const change = Object.fromEntries(Object.entries(fields).filter(([, field]) => field.value.trim())
      .map(([name, field]) => [name, field.value]));
    if (!Object.keys(change).length) {
      messages.show('変更する項目を入力してください。', 'error');
      return;
    }
    const changed = await act(submit, messages, () => api.changeLineChannel(change),
      (result) => `変更しました${result.botName ? `（公式アカウント：${result.botName}）` : ''}。`);
    if (changed) {
      Object.values(fields).forEach((field) => { field.value = ''; });
      await load();
    }
  } },
  h('h2', { text: 'チャネルの設定を変更する' }),
  h('p', { text: 'LINE Developers コンソールで再発行・作成し直した値を貼り付けてください。入力した項目だけが変わります。'
    + '新しいトークンは保存の前に LINE に確認します。トークンとシークレットは暗号化して保存し、この画面にも表示しません。' }),
  h('div', { class: 'field' }, h('label', { for: 'line-token', text: 'チャネルアクセストークン（長期）' }), fields.channelAccessToken),
  h('div', { class: 'field' }, h('label', { for: 'line-secret', text: 'チャネルシークレット' }), fields.channelSecret),
  h('div', { class: 'field' }, h('label', { for: 'line-login-channel', text: 'LINE ログインのチャネルID' }),
    fields.loginChannelId),
  h('div', { class: 'field' }, h('label', { for: 'line-liff-id', text: 'LIFF ID（住民向けページの LIFF アプリ）' }),
    fields.liffId),
  submit);

  container.replaceChildren(
    h('p', { class: 'lead', text: '住民とやり取りする LINE 公式アカウント（Messaging API チャネル）との接続です。' }),
    messages.element, details, form);
  await load();
}
