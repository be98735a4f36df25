// The simulated LINE app of the demo residents (development only).
const state = { tenant: 'demo', userId: null, residents: [], shown: 0 };
const $ = (selector) => document.querySelector(selector);

async function api(path, options) {
  const response = await fetch(`/line-simulator/api/${state.tenant}${path}`, {
    headers: { 'Content-Type': 'application/json' }, ...options });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

async function loadResidents() {
  state.residents = await api('/residents');
  const list = $('#residents');
  list.replaceChildren(...state.residents.map((resident) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = resident.name;
    button.dataset.userId = resident.userId;
    button.addEventListener('click', () => select(resident));
    item.append(button);
    return item;
  }));
  select(state.residents[0]);
}

function select(resident) {
  state.userId = resident.userId;
  state.shown = -1;
  $('#chat-title').textContent = `${resident.name} さんのトーク`;
  document.querySelectorAll('#residents button').forEach((button) =>
    button.setAttribute('aria-current', String(button.dataset.userId === resident.userId)));
  refresh();
}

async function send(action) {
  await api('/send', { method: 'POST', body: JSON.stringify({ userId: state.userId, ...action }) });
  setTimeout(refresh, 300);
  setTimeout(refresh, 1200);
}

async function refresh() {
  if (!state.userId) return;
  const chat = await api(`/chats/${state.userId}`);
  if (chat.length === state.shown) return;
  state.shown = chat.length;
  $('#chat').replaceChildren(...chat.map(render));
  $('#chat').scrollTop = $('#chat').scrollHeight;
}

function render(entry) {
  const item = document.createElement('li');
  item.className = entry.from;
  const message = entry.message;
  if (message.type === 'flex' && message.contents.type === 'carousel') item.append(carousel(message.contents));
  else if (message.type === 'flex') item.append(card(message.contents));
  else item.append(bubble(message.text ?? message.altText ?? `[${message.type}]`));
  const time = document.createElement('div');
  time.className = 'time';
  time.textContent = new Date(entry.at).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  item.append(time);
  return item;
}

function bubble(text) {
  const element = document.createElement('div');
  element.className = 'bubble';
  element.textContent = text;
  return element;
}

function carousel(container) {
  const element = document.createElement('div');
  element.className = 'carousel';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', `カード ${container.contents.length} 枚（横にスクロール）`);
  element.append(...container.contents.map(card));
  return element;
}

/** A link into the LIFF pages opens them as the chat's demo resident (the pages read ?demoResident=). */
function liffLink(uri) {
  const url = new URL(uri, location.href);
  if (url.pathname.startsWith('/liff/')) url.searchParams.set('demoResident', state.userId);
  return url.toString();
}

function card(bubbleNode) {
  const element = document.createElement('div');
  element.className = 'card';
  const body = document.createElement('div');
  body.className = 'body';
  (bubbleNode.body?.contents ?? []).forEach((component, index) => {
    const text = document.createElement('div');
    text.className = index === 0 && component.weight === 'bold' ? 'title' : 'text';
    text.textContent = component.text ?? '';
    body.append(text);
  });
  element.append(body);
  const actions = document.createElement('div');
  actions.className = 'actions';
  (bubbleNode.footer?.contents ?? []).forEach((component) => {
    const action = component.action ?? {};
    if (action.type === 'uri') {
      const link = document.createElement('a');
      link.href = liffLink(action.uri);
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = action.label;
      actions.append(link);
    } else if (action.type === 'postback') {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => send({ type: 'postback', data: action.data, label: action.displayText ?? action.label }));
      actions.append(button);
    }
  });
  element.append(actions);
  return element;
}

$('#composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('#text').value.trim();
  if (!text) return;
  $('#text').value = '';
  send({ type: 'message', text });
});
document.querySelectorAll('.richmenu button').forEach((button) =>
  button.addEventListener('click', () => send({ type: 'postback', data: button.dataset.postback, label: button.dataset.label })));
$('#follow').addEventListener('click', () => send({ type: 'follow' }));
$('#unfollow').addEventListener('click', () => send({ type: 'unfollow' }));
$('#tenant').addEventListener('change', (event) => { state.tenant = event.target.value; loadResidents(); });

loadResidents();
setInterval(refresh, 1500);
