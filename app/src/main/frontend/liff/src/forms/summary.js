// Label: value rows (from schema.js describeData/describeRaw) as a description list.

import { h } from '../dom.js';

function fileList(files, renderFile) {
  return h('ul', { class: 'file-list' }, files.map((file) => h('li', {},
    renderFile ? renderFile(file) : h('span', { class: 'file-name', text: file.name }),
    file.note ? h('span', { class: 'file-note', text: ` ${file.note}` }) : null,
    file.error ? h('span', { class: 'file-error' }, h('span', { 'aria-hidden': 'true', text: '⚠ ' }), file.error) : null)));
}

/**
 * @param {Array} rows
 * @param {{ renderFile?: (file) => Node }} [options]
 */
export function renderRows(rows, options = {}) {
  return h('dl', { class: 'data-list' }, rows.map((row) => {
    let value;
    if (row.entries) {
      value = h('ol', { class: 'entry-list' }, row.entries.map((entry, index) => h('li', {},
        h('p', { class: 'entry-title', text: `${index + 1}件目` }),
        renderRows(entry, options))));
    } else if (row.rows) {
      value = renderRows(row.rows, options);
    } else if (row.files) {
      value = fileList(row.files, options.renderFile);
    } else {
      value = h('span', { class: 'value-text', text: row.value });
    }
    return h('div', { class: row.entries || row.rows ? 'data-row nested' : 'data-row' },
      h('dt', { text: row.label }),
      h('dd', {}, value));
  }));
}
