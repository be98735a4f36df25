// LINE 連携: whether LINE takes the channel access token in use, and replacing the token and the
// channel secret after they were reissued in the LINE Developers console. The values are never shown.

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
        status.botUserId ? row('ボットのユーザーID', status.botUserId) : null)].filter(Boolean));
  }

  async function load() {
    try {
      const status = await api.lineChannel();
      if (isCurrent()) show(status);
    } catch (error) {
      messages.show(error.message, 'error');
    }
  }

  const secretInput = (id, testId) => h('input', { type: 'password', id, autocomplete: 'off', spellcheck: 'false',
    'data-testid': testId });
  const token = secretInput('line-token', 'line-token');
  const secret = secretInput('line-secret', 'line-secret');
  const submit = h('button', { type: 'submit', class: 'button', text: '置き換える', 'data-testid': 'line-replace' });
  const form = h('form', { class: 'form', onsubmit: async (event) => {
    event.preventDefault();
    const body = {};
    if (token.value.trim()) body.channelAccessToken = token.value;
    if (secret.value.trim()) body.channelSecret = secret.value;
    if (!Object.keys(body).length) {
      messages.show('チャネルアクセストークンかチャネルシークレットを入力してください。', 'error');
      return;
    }
    const replaced = await act(submit, messages, () => api.replaceLineCredentials(body),
      (result) => `置き換えました${result.botName ? `（公式アカウント：${result.botName}）` : ''}。`);
    if (replaced) {
      token.value = '';
      secret.value = '';
      await load();
    }
  } },
  h('h2', { text: 'チャネルの認証情報を置き換える' }),
  h('p', { text: 'LINE Developers コンソールで再発行した値を貼り付けてください。片方だけでも置き換えられます。'
    + '新しいトークンは保存の前に LINE に確認します。入力した値は暗号化して保存し、この画面にも表示しません。' }),
  h('div', { class: 'field' }, h('label', { for: 'line-token', text: 'チャネルアクセストークン（長期）' }), token),
  h('div', { class: 'field' }, h('label', { for: 'line-secret', text: 'チャネルシークレット' }), secret),
  submit);

  container.replaceChildren(
    h('p', { class: 'lead', text: '住民とやり取りする LINE 公式アカウント（Messaging API チャネル）との接続です。' }),
    messages.element, details, form);
  await load();
}
