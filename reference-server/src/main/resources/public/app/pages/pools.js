// Credential pools (PW-ID): a partner's pool orders and the dealer's inbox that completes or rejects them, the
// pool at a glance, clients, and the labels issued to them for a window of time in the client's own zone, with
// the QR code of the provisioning link, re-sending it and revoking the label.

import { api, get, patch, post, query } from '../api.js';
import { language, t } from '../i18n.js';
import {
  action, all, back, badge, day, factList, filterBar, flash, form, h, label, message, options, orgNames, page,
  pagedTable, section, tabs, view, when,
} from '../ui.js';
import { navigate } from '../main.js';

const STAFF = ['ADMIN', 'MANAGER'];
const PARTNER = { kinds: ['PARTNER'], roles: STAFF };
const TERMS = ['UNLIMITED', 'ONE_YEAR', 'TWO_YEARS'];
const ORDER_STATUSES = ['NEW', 'COMPLETED', 'REJECTED'];
const LABEL_STATUSES = ['NEW', 'ACTIVATED', 'DEACTIVATED'];
const LANGUAGES = [['ru', 'Русский'], ['en', 'English'], ['pl', 'Polski']];
const ZONES = ['Europe/Moscow', 'Europe/Warsaw', 'Europe/London', 'Europe/Berlin', 'Europe/Kyiv', 'Europe/Minsk',
  'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok', 'UTC'];
const OTHER_ZONE = '*';
const PAGE = 100;

// --- times in a given zone (a client's) ------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');

/** How far {@code zone}'s wall clock is ahead of UTC at {@code ms}, in milliseconds. */
function offsetAt(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const v = Object.fromEntries(parts.map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour % 24, v.minute, v.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A datetime-local value ('2026-12-01T10:00') read in {@code zone}: ISO with the zone's offset, or null. */
export function zonedIso(local, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
  if (!m) return null;
  const [, y, mo, d, hh, mi] = m.map(Number);
  const wall = Date.UTC(y, mo - 1, d, hh, mi);
  let offset = offsetAt(zone, wall);
  offset = offsetAt(zone, wall - offset);
  const minutes = Math.abs(offset) / 60000;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:`
    + `${pad(minutes % 60)}`;
}

/** The wall clock of {@code zone} at {@code ms} as a datetime-local value. */
function localIn(zone, ms) {
  const shifted = new Date(ms + offsetAt(zone, ms));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T`
    + `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** A time shown in {@code zone} (a client's), in the reader's language. */
function inZone(instant, zone) {
  if (!instant) return '—';
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
      .format(new Date(instant));
  } catch (e) {
    return when(instant);
  }
}

function windowText(from, to, zone) {
  return t('pools.windowIn', { from: inZone(from, zone), to: inZone(to, zone), zone });
}

// --- the pool ---------------------------------------------------------------------------------------------

/** The pool by state now: tiles, or one line where the page is about something else (phones scroll less). */
async function poolTiles({ compact = false } = {}) {
  try {
    const pool = await get('/pool');
    if (compact) {
      return h('p', { id: 'pool' }, t('pools.poolLine', { free: pool.free, issued: pool.issued, active: pool.active }),
        ' ', h('a', { href: '/pool-orders' }, t('pools.orders')));
    }
    const tile = (name, value) => h('div', { class: 'tile' }, h('small', {}, name), h('div', {},
      h('strong', {}, String(value))));
    return section(t('pools.pool'), h('div', { class: 'tiles', id: 'pool' },
      tile(t('pools.free'), pool.free), tile(t('pools.issued'), pool.issued), tile(t('pools.active'), pool.active),
      tile(t('pools.deactivated'), pool.deactivated),
      tile(t('pools.capacityUntil'), pool.capacityExpiresAt ? day(pool.capacityExpiresAt)
        : (pool.free > 0 ? t('pools.noEnd') : '—'))));
  } catch (error) {
    return section(t('pools.pool'), h('p', { class: 'form-error' }, message(error)));
  }
}

// --- orders and the dealer's inbox -----------------------------------------------------------------------

function orderTabs(me, current) {
  const own = me.organization.kind === 'OPERATOR' ? t('pools.allOrders') : t('pools.ourOrders');
  return tabs([['/pool-orders', own], ['/pool-orders/inbox', t('pools.inbox')]], current);
}

function orderColumns(withPartner) {
  const orgName = orgNames();
  return [
    [t('pools.number'), (o) => `№ ${o.number}`],
    withPartner ? [t('pools.partner'), (o) => orgName(o.partner)] : null,
    [t('pools.size'), (o) => String(o.size)],
    [t('pools.term'), (o) => label('pools.term', o.term)],
    [t('common.created'), (o) => when(o.createdAt)],
    [t('pools.validUntil'), (o) => (o.validUntil ? when(o.validUntil) : t('pools.unlimited'))],
  ].filter(Boolean);
}

async function orders(params, { me }) {
  const operator = me.organization.kind === 'OPERATOR';
  let status = params.query.get('status') || '';
  const table = pagedTable([...orderColumns(operator),
    [t('common.status'), (o) => h('span', {}, badge('pools.orderStatus', o.status),
      o.decidedAt ? h('small', {}, ' ', when(o.decidedAt)) : null)],
  ], (cursor) => get(`/pool-orders${query({ status, cursor })}`), { empty: t('pools.noOrders') });
  const filters = filterBar([
    { name: 'status', label: t('common.status'), options: options('pools.orderStatus', ORDER_STATUSES),
      value: status },
  ], (v) => { status = v.status; table.reload(); });
  return view(t('pools.orders'),
    operator ? null : await poolTiles(),
    orderTabs(me, '/pool-orders'),
    section(operator ? t('pools.allOrders') : t('pools.ourOrders'),
      operator ? null : h('p', { class: 'actions' }, h('a', { href: '/pool-orders/new' }, t('pools.newOrder'))),
      filters, table));
}

function inbox(params, { me }) {
  let table = null;
  const decide = (o, step, done) => async () => {
    await post(`/pool-orders/${encodeURIComponent(o.id)}/${step}`);
    flash(done(o));
    table.reload();
  };
  table = pagedTable([...orderColumns(true),
    [t('common.actions'), (o) => (o.status !== 'NEW' ? badge('pools.orderStatus', o.status)
      : h('div', { class: 'actions' },
        action(t('pools.complete'), decide(o, 'complete', (x) => t('pools.orderCompleted', { number: x.number })),
          { kind: 'primary' }),
        action(t('pools.reject'), decide(o, 'reject', (x) => t('pools.orderRejected', { number: x.number })),
          { kind: 'danger', confirm: t('pools.rejectConfirm', { number: o.number, size: o.size }) })))],
  ], (cursor) => get(`/pool-orders${query({ scope: 'inbox', cursor })}`), { empty: t('pools.inboxEmpty') });
  return view(t('pools.inbox'), orderTabs(me, '/pool-orders/inbox'),
    section(t('pools.inbox'), h('p', {}, t('pools.inboxHelp')), table));
}

function newOrder() {
  return view(t('pools.newOrder'), back('/pool-orders', t('pools.backToOrders')),
    section(t('pools.newOrder'), form([
      { name: 'size', label: t('pools.size'), type: 'number', required: true, min: 1, step: 1, value: 10 },
      { name: 'term', label: t('pools.term'), required: true, options: options('pools.term', TERMS),
        value: 'ONE_YEAR', hint: t('pools.termHint') },
    ], t('pools.placeOrder'), async (v) => {
      const order = await post('/pool-orders', { size: v.size === '' ? null : Number(v.size), term: v.term });
      navigate('/pool-orders');
      flash(t('pools.orderPlaced', { number: order.number }));
    }, { id: 'order' })));
}

// --- clients ----------------------------------------------------------------------------------------------

async function findClient(id) {
  let cursor = null;
  do {
    const answer = await get(`/clients${query({ limit: PAGE, cursor })}`);
    const found = answer.items.find((c) => c.id === id);
    if (found) return found;
    cursor = answer.nextCursor;
  } while (cursor);
  return null;
}

const zoneOf = (client) => String(client.timezone);

function clients() {
  const table = pagedTable([
    [t('pools.fullName'), (c) => c.fullName],
    [t('common.email'), (c) => c.email],
    [t('pools.timezone'), (c) => zoneOf(c)],
    [t('pools.language'), (c) => label('pools.lang', c.language)],
    [t('pools.description'), (c) => c.description || ''],
    [t('common.actions'), (c) => h('div', { class: 'actions' },
      h('a', { href: `/clients/${encodeURIComponent(c.id)}`,
        'aria-label': t('pools.editClient', { name: c.fullName }) }, t('common.edit')),
      h('a', { href: `/labels/new?clientId=${encodeURIComponent(c.id)}` }, t('pools.issueLabel')))],
  ], (cursor) => get(`/clients${query({ cursor })}`), { empty: t('pools.noClients') });
  return view(t('pools.clients'), section(t('pools.clients'),
    h('p', { class: 'actions' }, h('a', { href: '/clients/new' }, t('pools.addClient'))), table));
}

/** The client form: e-mail, name, a time zone from the list or typed, language, description. */
function clientForm(client, zoneDefault, submitText, onSave) {
  const zone = client ? zoneOf(client) : zoneDefault;
  const listed = ZONES.includes(zone);
  const el = form([
    { name: 'email', label: t('common.email'), type: 'email', required: true, value: client?.email,
      autocomplete: 'off' },
    { name: 'fullName', label: t('pools.fullName'), required: true, value: client?.fullName },
    { name: 'timezone', label: t('pools.timezone'), required: true, value: listed ? zone : OTHER_ZONE,
      options: [...ZONES.map((z) => [z, z]), [OTHER_ZONE, t('pools.otherZone')]] },
    { name: 'timezoneOther', label: t('pools.timezoneOther'), value: listed ? '' : zone,
      hint: t('pools.timezoneHint') },
    { name: 'language', label: t('pools.language'), required: true, options: LANGUAGES,
      value: client?.language || language() },
    { name: 'description', label: t('pools.description'), type: 'textarea', value: client?.description },
  ], submitText, (v) => onSave({
    email: v.email, fullName: v.fullName, timezone: v.timezone === OTHER_ZONE ? v.timezoneOther : v.timezone,
    language: v.language, description: v.description,
  }), { id: 'client' });
  // The typed zone is asked for only when "another zone" is chosen.
  const select = el.querySelector('#client-timezone');
  const other = el.querySelector('#client-timezoneOther').closest('.field');
  const placeholder = document.createComment('timezoneOther');
  const toggle = () => {
    if (select.value === OTHER_ZONE && placeholder.isConnected) placeholder.replaceWith(other);
    if (select.value !== OTHER_ZONE && other.isConnected) other.replaceWith(placeholder);
  };
  select.addEventListener('change', toggle);
  toggle();
  return el;
}

function newClient(params, { me }) {
  return view(t('pools.addClient'), back('/clients', t('pools.backToClients')),
    section(t('pools.addClient'), clientForm(null, me.organization.timezone, t('common.save'), async (body) => {
      const saved = await post('/clients', { ...body, description: body.description || null });
      navigate('/clients');
      flash(t('pools.clientAdded', { name: saved.fullName }));
    })));
}

async function editClient(params) {
  const client = await findClient(params.id);
  if (!client) {
    return view(t('pools.editTitle'), back('/clients', t('pools.backToClients')),
      h('p', { class: 'form-error' }, t('error.CLIENT_NOT_FOUND')));
  }
  return view(t('pools.editTitle'), back('/clients', t('pools.backToClients')),
    section(client.fullName, clientForm(client, null, t('common.save'), async (body) => {
      await patch(`/clients/${encodeURIComponent(client.id)}`, body);
      navigate('/clients');
      flash(t('common.saved'));
    })),
    h('p', {}, h('a', { href: `/labels?clientId=${encodeURIComponent(client.id)}` }, t('pools.clientLabels'))));
}

// --- labels -----------------------------------------------------------------------------------------------

/** The start of a day ('2026-12-01') in {@code zone}, or of the day after it. */
function dayStart(date, zone, next = false) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date || '')) return null;
  const [y, m, d] = date.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, d + (next ? 1 : 0)));
  return zonedIso(`${start.toISOString().slice(0, 10)}T00:00`, zone);
}

async function labels(params, { me }) {
  const list = await all('/clients');
  const zones = new Map(list.map((c) => [c.id, zoneOf(c)]));
  const zone = me.organization.timezone;
  let filter = {
    status: params.query.get('status') || '', clientId: params.query.get('clientId') || '',
    from: params.query.get('from') || '', to: params.query.get('to') || '',
  };
  const table = pagedTable([
    [t('pools.label'), (i) => h('a', { href: `/labels/${encodeURIComponent(i.label)}` }, h('code', {}, i.label))],
    [t('common.status'), (i) => badge('pools.status', i.status)],
    [t('pools.client'), (i) => h('span', {}, i.client.fullName, h('br'), h('small', {}, i.client.email))],
    [t('pools.window'), (i) => windowText(i.validFrom, i.validTo, zones.get(i.client.id) || zone)],
    [t('pools.downloaded'), (i) => (i.downloadedAt ? when(i.downloadedAt) : t('pools.notDownloaded'))],
    [t('pools.description'), (i) => i.description || ''],
  ], (cursor) => get(`/credentials${query({
    status: filter.status, clientId: filter.clientId, from: dayStart(filter.from, zone),
    to: dayStart(filter.to, zone, true), cursor,
  })}`), { empty: t('pools.noLabels') });
  const filters = filterBar([
    { name: 'status', label: t('common.status'), options: options('pools.status', LABEL_STATUSES),
      value: filter.status },
    { name: 'clientId', label: t('pools.client'), value: filter.clientId,
      options: list.map((c) => [c.id, `${c.fullName} (${c.email})`]) },
    { name: 'from', label: t('common.from'), type: 'date', value: filter.from },
    { name: 'to', label: t('common.to'), type: 'date', value: filter.to },
  ], (v) => { filter = v; table.reload(); });
  return view(t('pools.labels'), await poolTiles({ compact: true }), section(t('pools.labels'),
    h('p', { class: 'actions' }, h('a', { href: '/labels/new' }, t('pools.issueLabel'))), filters, table));
}

async function issue(params) {
  const list = await all('/clients');
  if (list.length === 0) {
    return view(t('pools.issueLabel'), back('/labels', t('pools.backToLabels')),
      section(t('pools.issueLabel'), h('p', { class: 'empty' }, t('pools.needClient')),
        h('p', {}, h('a', { href: '/clients/new' }, t('pools.addClient')))));
  }
  const byId = new Map(list.map((c) => [c.id, c]));
  const chosen = byId.has(params.query.get('clientId')) ? params.query.get('clientId') : list[0].id;
  const el = form([
    { name: 'clientId', label: t('pools.client'), required: true, value: chosen,
      options: list.map((c) => [c.id, `${c.fullName} (${c.email})`]) },
    { name: 'validFrom', label: t('pools.validFrom'), type: 'datetime-local', required: true },
    { name: 'validTo', label: t('pools.validTo'), type: 'datetime-local', required: true },
    { name: 'description', label: t('pools.description'), type: 'textarea' },
  ], t('pools.issue'), async (v) => {
    const zone = zoneOf(byId.get(v.clientId));
    const item = await post('/credentials', {
      clientId: v.clientId, validFrom: zonedIso(v.validFrom, zone), validTo: zonedIso(v.validTo, zone),
      description: v.description || null,
    });
    navigate(`/labels/${encodeURIComponent(item.label)}`);
    flash(t('pools.labelIssued', { label: item.label, email: item.client.email }));
  }, { id: 'issue' });
  const client = el.querySelector('#issue-clientId');
  const from = el.querySelector('#issue-validFrom');
  const to = el.querySelector('#issue-validTo');
  const zoneNote = h('p', { id: 'issue-zone' });
  const preview = h('p', { id: 'window-preview', 'aria-live': 'polite' });
  const update = () => {
    const zone = zoneOf(byId.get(client.value));
    zoneNote.textContent = t('pools.zoneNote', { zone });
    if (!from.value) {
      const start = localIn(zone, Date.now() + 3600000).slice(0, 14) + '00';
      from.value = start;
    }
    if (!to.value) {
      const [d] = from.value.split('T');
      const [y, m, dd] = d.split('-').map(Number);
      to.value = `${new Date(Date.UTC(y, m - 1, dd + 7)).toISOString().slice(0, 10)}T${from.value.slice(11, 16)}`;
    }
    const start = zonedIso(from.value, zone);
    const end = zonedIso(to.value, zone);
    preview.textContent = start && end ? `${windowText(start, end, zone)} · ${t('pools.windowYours', {
      from: when(start), to: when(end) })}` : '';
  };
  [client, from, to].forEach((input) => {
    input.addEventListener('change', update);
    input.addEventListener('input', update);
  });
  client.closest('.field').after(zoneNote);
  to.closest('.field').after(preview);
  update();
  return view(t('pools.issueLabel'), back('/labels', t('pools.backToLabels')), section(t('pools.issueLabel'), el));
}

async function findIssuance(text) {
  let cursor = null;
  do {
    const answer = await get(`/credentials${query({ limit: PAGE, cursor })}`);
    const found = answer.items.find((i) => i.label === text);
    if (found) return found;
    cursor = answer.nextCursor;
  } while (cursor);
  return null;
}

/** The QR code of the label's provisioning link: an image fetched with the session's token. */
function qr(text) {
  const img = h('img', { class: 'qr', id: 'qr', alt: t('pools.qrAlt', { label: text }) });
  const status = h('p', { class: 'form-error', role: 'alert' });
  api('GET', `/credentials/${encodeURIComponent(text)}/qr.png`, undefined, { raw: true })
    .then((response) => response.blob())
    .then((blob) => {
      const url = URL.createObjectURL(blob);
      img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
      img.src = url;
    })
    .catch((error) => {
      img.remove();
      status.textContent = message(error);
    });
  return h('div', {}, img, status);
}

async function labelCard(params) {
  const item = await findIssuance(params.label);
  const backLink = back('/labels', t('pools.backToLabels'));
  if (!item) {
    return view(t('pools.label'), backLink, h('p', { class: 'form-error' }, t('error.CREDENTIAL_NOT_FOUND')));
  }
  const client = await findClient(item.client.id);
  const zone = client ? zoneOf(client) : null;
  const live = item.status === 'NEW' || item.status === 'ACTIVATED';
  const reload = (text) => {
    navigate(`/labels/${encodeURIComponent(item.label)}`, { replace: true });
    flash(text);
  };
  const facts = [
    [t('common.status'), badge('pools.status', item.status)],
    [t('pools.client'), h('span', {}, h('a', { href: `/clients/${encodeURIComponent(item.client.id)}` },
      item.client.fullName), ` (${item.client.email})`)],
    [t('pools.window'), zone ? windowText(item.validFrom, item.validTo, zone)
      : `${when(item.validFrom)} — ${when(item.validTo)}`],
    [t('pools.windowYoursShort'), `${when(item.validFrom)} — ${when(item.validTo)}`],
    [t('pools.issuedAt'), when(item.issuedAt)],
    [t('pools.downloaded'), item.downloadedAt ? when(item.downloadedAt) : t('pools.notDownloaded')],
    item.endedAt ? [t('pools.endedAt'), when(item.endedAt)] : null,
    item.description ? [t('pools.description'), item.description] : null,
  ].filter(Boolean);
  return view(t('pools.labelTitle', { label: item.label }), backLink,
    section(t('pools.label'), factList(facts),
      live ? h('div', { class: 'actions' },
        action(t('pools.resend'), async () => {
          await post(`/credentials/${encodeURIComponent(item.label)}/resend`);
          reload(t('pools.resent', { email: item.client.email }));
        }, { confirm: t('pools.resendConfirm', { email: item.client.email }) }),
        action(t('pools.revoke'), async () => {
          await post(`/credentials/${encodeURIComponent(item.label)}/revoke`);
          reload(t('pools.revoked', { label: item.label }));
        }, { kind: 'danger', confirm: t('pools.revokeConfirm', { label: item.label, name: item.client.fullName }) }),
      ) : null),
    live ? section(t('pools.qr'), h('p', {}, t('pools.qrHelp')), qr(item.label)) : null);
}

// --- the page a client's provisioning link opens -----------------------------------------------------------

function provision() {
  return view(t('pools.provisionTitle'), section(t('pools.provisionTitle'), h('p', {}, t('pools.provisionHelp')),
    h('p', {}, t('pools.provisionPhone'))));
}

export const routes = [
  { path: '/pool-orders', title: 'pools.orders', menu: 'pools.orders', render: orders,
    who: { kinds: ['PARTNER', 'OPERATOR'], roles: STAFF } },
  { path: '/pool-orders/new', title: 'pools.newOrder', render: newOrder, who: PARTNER },
  { path: '/pool-orders/inbox', title: 'pools.inbox', render: inbox,
    who: { kinds: ['PARTNER', 'OPERATOR'], roles: STAFF } },
  { path: '/clients', title: 'pools.clients', menu: 'pools.clients', render: clients, who: PARTNER },
  { path: '/clients/new', title: 'pools.addClient', render: newClient, who: PARTNER },
  { path: '/clients/:id', title: 'pools.editTitle', render: editClient, who: PARTNER },
  { path: '/labels', title: 'pools.labels', menu: 'pools.labels', render: labels, who: PARTNER },
  { path: '/labels/new', title: 'pools.issueLabel', render: issue, who: PARTNER },
  { path: '/labels/:label', title: 'pools.label', render: labelCard, who: PARTNER },
  { path: '/provision', title: 'pools.provisionTitle', public: true, render: provision },
];
