// Small DOM helpers: the pages are plain DOM, no framework.

/**
 * Creates an element. attrs: class, text, on* listeners (functions), booleans (true → empty
 * attribute, false/null → left out), anything else as an attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  appendChildren(element, children);
  return element;
}

export function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Text only for screen readers. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden', text });
}

let idCounter = 0;
export function uniqueId(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Moves the keyboard and screen-reader focus to an element without scrolling jumps. */
export function focusElement(element, { scroll = true } = {}) {
  if (!element) return;
  if (!element.hasAttribute('tabindex') && !isFocusable(element)) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: !scroll });
  if (scroll) element.scrollIntoView({ block: 'start', behavior: 'auto' });
}

function isFocusable(element) {
  return element.matches('a[href], button, input, select, textarea, [tabindex]');
}
