// Reading a form-js schema without form-js: labels and values for the confirmation step and
// the detail page, the file fields, and where the server's violations belong.

import { formatPlainDate, formatPlainDateTime, formatPlainTime } from '../format.js';

export const FILE_KEY_PREFIX = 'files::';

const NOT_DATA = new Set(['text', 'html', 'image', 'spacer', 'separator', 'button', 'iframe',
  'table', 'documentPreview', 'default']);

export function splitPath(path) {
  return String(path || '').split('.').filter((part) => part !== '');
}

export function getPath(data, path) {
  let current = data;
  for (const part of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = current[part];
  }
  return current;
}

export function hasPath(data, path) {
  let current = data;
  for (const part of path) {
    if (current === null || current === undefined || typeof current !== 'object' || !(part in current)) return false;
    current = current[part];
  }
  return true;
}

export function setPath(data, path, value) {
  let current = data;
  path.slice(0, -1).forEach((part, index) => {
    if (current[part] === null || typeof current[part] !== 'object') {
      current[part] = typeof path[index + 1] === 'number' ? [] : {};
    }
    current = current[part];
  });
  current[path[path.length - 1]] = value;
}

/** Visits every component with its data path template ('#' stands for a list index). */
export function walkSchema(components, visit, path = [], lists = []) {
  for (const component of components || []) {
    if (!component || typeof component !== 'object') continue;
    if (component.type === 'dynamiclist') {
      const listPath = [...path, ...splitPath(component.path)];
      visit(component, listPath, lists);
      walkSchema(component.components, visit, [...listPath, '#'], [...lists, component.id]);
    } else if (component.type === 'group') {
      visit(component, path, lists);
      walkSchema(component.components, visit, component.path ? [...path, ...splitPath(component.path)] : path, lists);
    } else if (component.key && !NOT_DATA.has(component.type)) {
      visit(component, [...path, ...splitPath(component.key)], lists);
    } else {
      visit(component, path, lists);
    }
  }
}

/** Every filepicker field: { field, template } */
export function filePickers(schema) {
  const found = [];
  walkSchema(schema && schema.components, (component, template) => {
    if (component.type === 'filepicker' && component.key) found.push({ field: component, template });
  });
  return found;
}

/** The concrete paths of a template in data, expanding '#' over the list entries present. */
export function concretePaths(data, template) {
  let paths = [[]];
  for (const part of template) {
    if (part === '#') {
      const next = [];
      for (const path of paths) {
        const list = getPath(data, path);
        if (Array.isArray(list)) list.forEach((_, index) => next.push([...path, index]));
      }
      paths = next;
    } else {
      paths = paths.map((path) => [...path, part]);
    }
  }
  return paths;
}

/** A copy of data without file references (drafts cannot keep files; form-js would drop them). */
export function withoutFileValues(schema, data) {
  const copy = structuredClone(data || {});
  for (const { template } of filePickers(schema)) {
    for (const path of concretePaths(copy, template)) {
      if (hasPath(copy, path)) setPath(copy, path, null);
    }
  }
  return stripFileKeys(copy);
}

/** Replaces any leftover "files::…" reference with null. */
export function stripFileKeys(value) {
  if (Array.isArray(value)) return value.map(stripFileKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, stripFileKeys(inner)]));
  }
  if (typeof value === 'string' && value.startsWith(FILE_KEY_PREFIX)) return null;
  return value;
}

function isLabelText(text) {
  return typeof text === 'string' && text.trim() !== '' && !text.trim().startsWith('=');
}

export function fieldLabel(component) {
  if (component.type === 'datetime') {
    const parts = [component.dateLabel, component.timeLabel].filter(isLabelText);
    if (parts.length && component.subtype === 'datetime') return parts.join('・');
    if (component.subtype === 'time' && isLabelText(component.timeLabel)) return component.timeLabel;
    if (isLabelText(component.dateLabel)) return component.dateLabel;
  }
  if (isLabelText(component.label)) return component.label.replace(/\{\{[^}]*\}\}/g, '').trim() || component.key;
  return component.key || component.path || component.id;
}

function isEmptyValue(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function optionLabel(component, value) {
  const option = Array.isArray(component.values)
    ? component.values.find((candidate) => String(candidate.value) === String(value)) : null;
  return option && isLabelText(option.label) ? option.label : String(value);
}

/**
 * How a value reads. Files come back as { files: [{ name, id? }] } so the caller can show each.
 * @param {{ fileNames?: (value) => Array<{name: string, id?: string}> }} context
 */
export function displayValue(component, value, context = {}) {
  switch (component.type) {
    case 'checkbox':
      return value === true ? 'はい' : 'いいえ';
    case 'select':
    case 'radio':
      return optionLabel(component, value);
    case 'checklist':
    case 'taglist':
      return (Array.isArray(value) ? value : [value]).map((entry) => optionLabel(component, entry)).join('、');
    case 'datetime':
      if (component.subtype === 'time') return formatPlainTime(value);
      if (component.subtype === 'datetime') return formatPlainDateTime(value);
      return formatPlainDate(value);
    case 'filepicker':
      return { files: context.fileNames ? context.fileNames(value) : [].concat(value).map((id) => ({ name: String(id) })) };
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('ja-JP', { maximumFractionDigits: 20 }) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * The filled-in fields of data in schema order.
 * Rows: { label, value } | { label, files } | { label, entries: Row[][] } | { label, rows: Row[] }
 */
export function describeData(components, data, context = {}) {
  const rows = [];
  for (const component of components || []) {
    if (!component || typeof component !== 'object' || NOT_DATA.has(component.type)) continue;
    if (component.type === 'dynamiclist') {
      const list = getPath(data, splitPath(component.path));
      if (!Array.isArray(list) || list.length === 0) continue;
      const entries = list.map((item) => describeData(component.components, item, context))
        .filter((entry) => entry.length > 0);
      if (entries.length) rows.push({ label: fieldLabel(component), entries });
    } else if (component.type === 'group') {
      const inner = component.path ? getPath(data, splitPath(component.path)) : data;
      const children = describeData(component.components, inner, context);
      if (!children.length) continue;
      if (isLabelText(component.label)) rows.push({ label: component.label, rows: children });
      else rows.push(...children);
    } else if (component.key) {
      const value = getPath(data, splitPath(component.key));
      if (isEmptyValue(value)) continue;
      if (component.type === 'checkbox' && value !== true && value !== false) continue;
      const shown = displayValue(component, value, context);
      if (shown && typeof shown === 'object' && shown.files) rows.push({ label: fieldLabel(component), files: shown.files });
      else rows.push({ label: fieldLabel(component), value: shown });
    }
  }
  return rows;
}

/** Data without a schema (it could not be loaded): keys as labels. */
export function describeRaw(data, context = {}) {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).filter(([, value]) => !isEmptyValue(value)).map(([key, value]) => {
    if (Array.isArray(value) && value.every((item) => item && typeof item === 'object' && !Array.isArray(item))) {
      return { label: key, entries: value.map((item) => describeRaw(item, context)) };
    }
    if (Array.isArray(value) && context.isAttachmentList && context.isAttachmentList(value)) {
      return { label: key, files: context.fileNames(value) };
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) return { label: key, rows: describeRaw(value, context) };
    if (typeof value === 'boolean') return { label: key, value: value ? 'はい' : 'いいえ' };
    return { label: key, value: Array.isArray(value) ? value.join('、') : String(value) };
  });
}

/** "items[0].name" → ['items', 0, 'name'] */
export function parseViolationPath(field) {
  const parts = [];
  for (const segment of String(field || '').split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
    if (!match) return null;
    if (match[1] !== '') parts.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** Where a server violation belongs in form-js's error state: [fieldId, ...list indexes], or null. */
export function violationErrorPath(schema, field) {
  const path = parseViolationPath(field);
  if (!path) return null;
  let found = null;
  walkSchema(schema && schema.components, (component, template) => {
    if (found || !component.key || component.type === 'group' || component.type === 'dynamiclist') return;
    if (template.length !== path.length) return;
    const indexes = [];
    for (let i = 0; i < template.length; i += 1) {
      if (template[i] === '#') {
        if (typeof path[i] !== 'number') return;
        indexes.push(path[i]);
      } else if (template[i] !== path[i]) {
        return;
      }
    }
    found = [component.id, ...indexes];
  });
  return found;
}
