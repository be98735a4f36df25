// A department as people read it: the municipality's own name with the group id beside it, or the
// group id alone while it has no name. A chief's group (<department>-chief) reads as that
// department's 係長.

import { h } from '../../liff/src/dom.js';

const CHIEF = '-chief';

export function departmentName(id, names) {
  if (names && names[id]) return names[id];
  const department = id.endsWith(CHIEF) ? id.slice(0, -CHIEF.length) : null;
  if (department && names && names[department]) return `${names[department]}（係長）`;
  return id;
}

export function departmentLabel(id, names) {
  const name = departmentName(id, names);
  return name !== id
    ? h('span', { class: 'department' }, h('span', { text: name }), ' ', h('code', { class: 'muted', text: id }))
    : h('span', { class: 'department' }, h('code', { text: id }));
}
