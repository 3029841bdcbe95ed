// Small building blocks of every page: elements made without innerHTML (text is never markup), forms with
// labelled fields and the API's refusals shown at the field they name, paged tables, confirmations and times
// in the member's zone.

import { t, has, language } from './i18n.js';
import { ApiError, get, query } from './api.js';

const PAGE = 100;

/** An element: h('button', {type: 'button', onclick}, 'text', child, …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone times are shown in: the member's organization's, once known. */
export function setZone(value) {
  if (value) zone = value;
}

export function when(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(language(), {
    dateStyle: 'medium', timeStyle: 'short', timeZone: zone,
  }).format(new Date(instant));
}

export function day(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: zone }).format(new Date(instant));
}

/** A value of an enumeration, translated (enum.STATUS). */
export function label(group, value) {
  if (value === null || value === undefined) return '—';
  const key = `${group}.${value}`;
  return has(key) ? t(key) : value;
}

/** The message of a refusal, in the reader's language when we have one for its code. */
export function message(error) {
  if (error instanceof ApiError) {
    if (has(`error.${error.code}`)) return t(`error.${error.code}`);
    return error.message || t('error.UNKNOWN');
  }
  console.error(error);
  return t('error.UNKNOWN');
}

const notice = () => document.getElementById('notice');

export function flash(text, kind = 'ok') {
  notice().replaceChildren(h('p', { class: `flash ${kind}` }, text));
}

export function clearFlash() {
  notice().replaceChildren();
}

/**
 * A form of labelled fields. Each field: {name, label, type?, required?, options? [[value, label]], value?,
 * hint?}. onSubmit(values) may throw ApiError: its message is shown at the field it names, or above the form.
 */
export function form(fields, submitText, onSubmit, { id } = {}) {
  const errors = h('p', { class: 'form-error', role: 'alert' });
  const inputs = {};
  const rows = fields.map((f) => {
    const inputId = `${id || 'f'}-${f.name}`;
    let input;
    if (f.options) {
      input = h('select', { id: inputId, name: f.name, required: f.required },
        f.required ? null : h('option', { value: '' }, '—'),
        f.options.map(([value, text]) => h('option', { value, selected: String(f.value) === String(value) }, text)));
    } else if (f.type === 'textarea') {
      input = h('textarea', { id: inputId, name: f.name, required: f.required, rows: 3 }, f.value || '');
    } else if (f.type === 'checkbox') {
      input = h('input', { id: inputId, name: f.name, type: 'checkbox', checked: !!f.value });
    } else {
      input = h('input', {
        id: inputId, name: f.name, type: f.type || 'text', required: f.required, value: f.value ?? '',
        autocomplete: f.autocomplete, min: f.min, max: f.max, step: f.step,
      });
    }
    inputs[f.name] = input;
    const fieldError = h('span', { class: 'field-error', id: `${inputId}-error` });
    input.setAttribute('aria-describedby', `${inputId}-error`);
    return h('div', { class: `field ${f.type === 'checkbox' ? 'check' : ''}` },
      h('label', { for: inputId }, f.label,
        f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      input, f.hint ? h('small', {}, f.hint) : null, fieldError);
  });
  const button = h('button', { type: 'submit', class: 'primary' }, submitText);
  const el = h('form', { id, novalidate: true }, rows, errors, h('div', { class: 'actions' }, button));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.textContent = '';
    el.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    el.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const values = {};
    for (const [name, input] of Object.entries(inputs)) {
      values[name] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    button.disabled = true;
    try {
      await onSubmit(values);
    } catch (error) {
      const field = error instanceof ApiError && error.field ? error.field.split('.').pop() : null;
      const input = field && (inputs[field] || Object.entries(inputs).find(([n]) => n.endsWith(field))?.[1]);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        document.getElementById(`${input.id}-error`).textContent = message(error);
        input.focus();
      } else {
        errors.textContent = message(error);
      }
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

/**
 * A paged table over a list endpoint: load(cursor) answers {items, nextCursor}; columns: [[header, item => cell]].
 * Shows the empty state when there is nothing.
 */
export function pagedTable(columns, load, { empty } = {}) {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, t('common.more'));
  const status = h('p', { class: 'empty', hidden: true }, empty || t('common.empty'));
  const table = h('div', { class: 'table-wrap' },
    h('table', {}, h('thead', {}, h('tr', {}, columns.map(([head]) => h('th', { scope: 'col' }, head)))), body),
    status, more);
  let cursor = null;
  async function next(reset) {
    if (reset) {
      body.replaceChildren();
      cursor = null;
    }
    try {
      const page = await load(cursor);
      for (const item of page.items) {
        body.append(h('tr', {}, columns.map(([head, cell]) => h('td', { 'data-label': head }, cell(item)))));
      }
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.hidden = body.children.length > 0;
    } catch (error) {
      status.hidden = false;
      status.textContent = message(error);
    }
  }
  more.addEventListener('click', () => next(false));
  table.reload = () => next(true);
  next(true);
  return table;
}

/** Asks before a step that cannot be undone; resolves true when confirmed. */
export function confirmStep(text) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' },
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => { dialog.close(); resolve(false); } },
          t('common.cancel')),
        h('button', { type: 'button', class: 'danger', onclick: () => { dialog.close(); resolve(true); } },
          t('common.confirm'))));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A button that runs a step and shows its refusal (and reloads what changed). */
export function action(text, step, { kind = 'secondary', confirm } = {}) {
  return h('button', {
    type: 'button', class: kind,
    onclick: async (event) => {
      if (confirm && !(await confirmStep(confirm))) return;
      event.target.disabled = true;
      try {
        await step();
      } catch (error) {
        flash(message(error), 'error');
      } finally {
        event.target.disabled = false;
      }
    },
  }, text);
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function page(title, ...children) {
  return [h('h1', {}, title), ...children];
}

/** The options of an enumeration, translated. */
export function options(group, values) {
  return values.map((v) => [v, label(group, v)]);
}

// --- lists, facts and filters shared by the areas -----------------------------------------------------------


/** A page of parts, leaving out those this reader does not get. */
export const view = (title, ...parts) => page(title, ...parts.filter((p) => p !== null && p !== undefined
  && p !== false));

/** Facts as a definition list (dl.facts): [[term, value], …]. */
export function factList(rows, attrs = {}) {
  return h('dl', { class: 'facts', ...attrs }, rows.flatMap(([k, v]) => [h('dt', {}, k),
    h('dd', {}, v)]));
}

export const badge = (group, value) => h('span', { class: `badge ${value}` }, label(group, value));

export function back(path, text) {
  return h('p', {}, h('a', { href: path }, `← ${text}`));
}

/** Links between the views of one list: the current one is not a link. */
export function tabs(items, current) {
  return h('p', { class: 'actions' }, items.map(([path, text]) => (path === current
    ? h('strong', { 'aria-current': 'page' }, text) : h('a', { href: path }, text))));
}

/** Every item of a list endpoint, page by page. */
export async function all(path) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const answer = await get(`${path}${sep}${query({ limit: PAGE, cursor }).slice(1)}`);
    items.push(...answer.items);
    cursor = answer.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A namer of organizations for one page: name(id) is a link to the organization's card whose text is filled in
 * once its name is known (the operator sees every partner's); a partner outside the reader's channel is named
 * from the public list of partners, anything else the reader may not see is {@code hidden(id)}.
 */
export function orgNames(hidden = (id) => id) {
  const cache = new Map();
  const lookup = (id) => get(`/orgs/${encodeURIComponent(id)}`)
    .then((c) => ({ name: c.organization.name, card: true }))
    .catch(() => get(`/partners${query({ q: id })}`)
      .then((p) => p.items.find((o) => o.id === id))
      .then((o) => (o ? { name: o.name, card: false } : null), () => null));
  return (id) => {
    if (!cache.has(id)) cache.set(id, lookup(id));
    const text = h('span', {}, '');
    const link = h('a', { href: `/orgs/${encodeURIComponent(id)}` }, text);
    cache.get(id).then((org) => {
      if (org && org.card) text.textContent = org.name;
      else link.replaceWith(h('span', {}, org ? org.name : hidden(id)));
    });
    return link;
  };
}

/**
 * A row of filters (not a form: the page's form style is for data entry): selects and dates apply on change,
 * text on Enter or the filter button. onChange(values) gets the values; the page's address keeps them (unless
 * {@code url} is false). Inputs are named {@code <prefix>-<name>}.
 */
export function filterBar(fields, onChange, { prefix = 'filter', url = true } = {}) {
  const inputs = {};
  const values = () => Object.fromEntries(Object.entries(inputs).map(([n, i]) => [n, i.value.trim()]));
  const apply = () => {
    if (url) history.replaceState(null, '', location.pathname + query(values()));
    onChange(values());
  };
  const el = h('div', { class: 'filters', role: 'search' }, fields.map((f) => {
    const id = `${prefix}-${f.name}`;
    const input = f.options
      ? h('select', { id, name: f.name }, h('option', { value: '' }, t('common.all')),
        f.options.map(([v, text]) => h('option', { value: v, selected: String(f.value) === String(v) }, text)))
      : h('input', { id, name: f.name, type: f.type || 'text', value: f.value || '' });
    inputs[f.name] = input;
    input.addEventListener(f.options || f.type === 'date' ? 'change' : 'keydown', (event) => {
      if (event.type === 'change' || event.key === 'Enter') apply();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), input);
  }), h('div', { class: 'field' }, h('button', { type: 'button', class: 'secondary', onclick: apply },
    t('common.filter'))));
  el.values = values;
  return el;
}
