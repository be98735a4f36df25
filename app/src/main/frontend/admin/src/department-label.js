// A department as people read it: the municipality's own name with the group id beside it, or the
// group id alone while it has no name.

import { h } from '../../liff/src/dom.js';

export function departmentName(id, names) {
  return (names && names[id]) || id;
}

export function departmentLabel(id, names) {
  const name = names && names[id];
  return name
    ? h('span', { class: 'department' }, h('span', { text: name }), ' ', h('code', { class: 'muted', text: id }))
    : h('code', { text: id });
}
