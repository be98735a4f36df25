// 「現在地を使う」: fills the form's latitude/longitude fields from the device's position.
// Only for forms that have both fields; the typed address stays the resident's main answer.

import { h, uniqueId } from '../dom.js';

const LATITUDE = 'latitude';
const LONGITUDE = 'longitude';

function keysOf(components, into = new Set()) {
  for (const component of components || []) {
    if (component.key) into.add(component.key);
    keysOf(component.components, into);
  }
  return into;
}

export function hasLocationFields(schema) {
  const keys = keysOf(schema.components);
  return keys.has(LATITUDE) && keys.has(LONGITUDE);
}

export function mapLink(data) {
  const lat = Number(data && data[LATITUDE]);
  const lon = Number(data && data[LONGITUDE]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || data[LATITUDE] === null || data[LONGITUDE] === null) return null;
  const href = `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lon.toFixed(6)}#map=18/${lat.toFixed(6)}/${lon.toFixed(6)}`;
  return h('p', { class: 'location-link', 'data-testid': 'location-summary' },
    `送る場所：緯度 ${lat.toFixed(6)}、経度 ${lon.toFixed(6)} `,
    h('a', { href, target: '_blank', rel: 'noopener noreferrer', text: '地図で確認する（OpenStreetMap、外部サイト）' }));
}

const ERRORS = {
  1: '位置情報の利用が許可されていません。端末または LINE の設定で位置情報を許可するか、住所・目印を入力してください。',
  2: '現在地を取得できませんでした（電波の届きにくい場所など）。住所・目印を入力してください。',
  3: '現在地の取得に時間がかかりすぎました。もう一度試すか、住所・目印を入力してください。',
};

/** The 「現在地を使う」 panel; getForm returns the current form-js instance. */
export function locationPanel(getForm) {
  const statusId = uniqueId('location-status');
  const status = h('p', { id: statusId, class: 'location-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'location-status' });
  const button = h('button', {
    type: 'button', class: 'button secondary', 'data-testid': 'use-location', 'aria-describedby': statusId,
    text: '現在地を使う',
  });
  button.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = 'この端末では現在地を使えません。住所・目印を入力してください。';
      return;
    }
    button.disabled = true;
    status.textContent = '現在地を調べています…';
    navigator.geolocation.getCurrentPosition((position) => {
      button.disabled = false;
      const { latitude, longitude, accuracy } = position.coords;
      const form = getForm();
      const data = form._getState().data;
      form._setState({ data: { ...data, [LATITUDE]: round(latitude), [LONGITUDE]: round(longitude) } });
      status.textContent = `現在地を入力しました（緯度 ${latitude.toFixed(6)}、経度 ${longitude.toFixed(6)}、誤差 約${Math.round(accuracy)}m）。`
        + '場所がずれているときは緯度・経度を直すか、住所・目印で詳しく伝えてください。';
    }, (error) => {
      button.disabled = false;
      status.textContent = ERRORS[error.code] || '現在地を取得できませんでした。住所・目印を入力してください。';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
  const headingId = uniqueId('location-heading');
  return h('section', { class: 'location-panel', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: '現在地から場所を入力' }),
    h('p', { class: 'hint', text: '損傷の場所にいるときは、端末の位置情報で緯度・経度を入力できます。住所・目印の入力も必要です。' }),
    button, status);
}

function round(value) {
  return Math.round(value * 1e6) / 1e6;
}
