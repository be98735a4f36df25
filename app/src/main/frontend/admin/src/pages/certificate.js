// 署名証明書: the certificate that signs the tenant's PDF documents, and installing a real one.

import { h } from '../../../liff/src/dom.js';
import { act, alert, jst, notices } from '../ui.js';

export async function renderCertificate(container, { api, isCurrent }) {
  const messages = notices();
  const details = h('div', { 'data-testid': 'certificate' });

  function show(certificate) {
    const selfSigned = certificate.origin === 'SELF_SIGNED';
    const row = (label, value) => [h('dt', { text: label }), h('dd', { text: value })];
    details.replaceChildren(...[ // replaceChildren would show a null as the text "null"
      selfSigned ? alert('自己署名の証明書です。PDF の署名は有効と表示されますが、署名者は「信頼されていない」と表示されます。'
        + '公的な認証局などの証明書を導入してください。', 'warning') : null,
      h('dl', { class: 'facts' },
        row('種類', selfSigned ? '自己署名（初回に自動で作成）' : '導入済みの証明書'),
        row('主体者（Subject）', certificate.subject),
        row('発行者（Issuer）', certificate.issuer),
        row('シリアル番号', certificate.serialNumber),
        row('有効期間', `${jst(certificate.notBefore)} 〜 ${jst(certificate.notAfter)}`),
        row('SHA-256 フィンガープリント', certificate.sha256Fingerprint))].filter(Boolean));
  }

  const file = h('input', { type: 'file', id: 'certificate-file', name: 'file', accept: '.p12,.pfx,application/x-pkcs12',
    required: true, 'data-testid': 'certificate-file' });
  const password = h('input', { type: 'password', id: 'certificate-password', name: 'password', autocomplete: 'off',
    'data-testid': 'certificate-password' });
  const submit = h('button', { type: 'submit', class: 'button', text: '導入する', 'data-testid': 'certificate-install' });
  const form = h('form', { class: 'form', onsubmit: async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      messages.show('PKCS#12 ファイルを選んでください。', 'error');
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    body.append('password', password.value);
    const installed = await act(submit, messages, () => api.installCertificate(body),
      '証明書を導入しました。これから発行する文書に使われます。');
    password.value = '';
    if (installed) show(installed);
  } },
  h('h2', { text: '証明書を導入' }),
  h('p', { text: '鍵と証明書チェーンを含む PKCS#12 ファイル（.p12 / .pfx）を選んでください。それまでに発行した文書の署名は変わりません。' }),
  h('div', { class: 'field' }, h('label', { for: 'certificate-file', text: 'PKCS#12 ファイル' }), file),
  h('div', { class: 'field' }, h('label', { for: 'certificate-password', text: 'ファイルのパスワード' }), password),
  submit);

  container.replaceChildren(
    h('p', { class: 'lead', text: '発行する PDF 文書（受付票・通知書など）に署名する証明書です。' }),
    messages.element, details, form);
  try {
    const certificate = await api.signingCertificate();
    if (isCurrent()) show(certificate);
  } catch (error) {
    messages.show(error.message, 'error');
  }
}
