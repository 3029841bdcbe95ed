// Heat pumps (the service admin): the device list with search, the device card (status with the "next status"
// button confirmed by the member's own password, the administrator's override with a reason, the open data
// request and the form that answers it, stages with who and when, connectivity, alarms, manual, history), a
// partner's claim with the password printed on the device, and the operator's registration of a new device.

import { ApiError, get, patch, post, put, query } from '../api.js';
import { t } from '../i18n.js';
import {
  action, confirmStep, day, flash, form, h, label, message, options, page, pagedTable, section, when,
} from '../ui.js';
import { context, navigate } from '../main.js';

/** The statuses along a device's life, in order. */
const LINE = ['CREATED', 'PRODUCED', 'RELEASED', 'SHIPPED', 'IN_OPERATION', 'IN_SERVICE', 'DECOMMISSIONED'];

/** What each stage adds: [field, name in requests and data requests, stage, kind (date, typed, partner)]. */
const STAGE_FIELDS = [
  ['PRODUCTION_DATE', 'productionDate', 'PRODUCED', 'date'],
  ['FIRMWARE', 'firmware', 'PRODUCED', 'typed'],
  ['RELEASE_DATE', 'releaseDate', 'RELEASED', 'date'],
  ['SHIPMENT_DATE', 'shipmentDate', 'SHIPPED', 'date'],
  ['CONSIGNEE', 'consignee', 'SHIPPED', 'typed'],
  ['INSTALLER', 'installer', 'IN_OPERATION', 'partner'],
  ['COMMISSIONING_DATE', 'commissioningDate', 'IN_OPERATION', 'date'],
  ['SERVICE_OPENED', 'serviceOpened', 'IN_SERVICE', 'date'],
  ['SERVICE_REASON', 'serviceReason', 'IN_SERVICE', 'reason'],
  ['SERVICE_CLOSED', 'serviceClosed', 'IN_SERVICE', 'date'],
  ['DECOMMISSIONING_DATE', 'decommissioningDate', 'DECOMMISSIONED', 'date'],
  ['DECOMMISSIONING_REASON', 'decommissioningReason', 'DECOMMISSIONED', 'reason'],
];
const DETAILS = ['country', 'region', 'objectType'];

/**
 * The lists a device's details are chosen from. The API has no read of the server's device catalog, so these are
 * the SDK's default catalog (DeviceCatalog.defaults()); a value the card already has is always offered too, and
 * the server checks what is chosen.
 */
const REGIONS = {
  RU: ['Москва', 'Московская область', 'Санкт-Петербург', 'Калининградская область', 'Самарская область',
    'Свердловская область', 'Новосибирская область', 'Красноярский край', 'Приморский край'],
  PL: ['dolnośląskie', 'małopolskie', 'mazowieckie', 'pomorskie'],
  KZ: ['Алматы', 'Астана'],
};
const OBJECT_TYPES = ['PRIVATE_HOUSE', 'APARTMENT_BUILDING', 'OFFICE', 'RETAIL', 'INDUSTRIAL', 'PUBLIC_BUILDING'];

const me = () => context.me;
const hasRole = (...roles) => roles.some((r) => me().member.roles.includes(r));
const isOperator = () => me().organization.kind === 'OPERATOR';
/** The "next status" button and assigning a partner: the operator's engineers and administrators. */
const mayAdvance = () => isOperator() && hasRole('ADMIN', 'ENGINEER');
/** Any status, with a reason: the server (operator) administrator alone. */
const mayOverride = () => isOperator() && hasRole('ADMIN');
/** Filling in details and stage data: the responsible partner's people, or the operator's. */
const mayEdit = () => hasRole('ADMIN', 'MANAGER', 'ENGINEER');
const badge = (group, value) => h('span', { class: `badge ${value}` }, label(group, value));
const path = (serial) => `/devices/${encodeURIComponent(serial)}`;

/** The names of partners (the directory every member may read) and of the member's own organization's people. */
async function names() {
  const orgs = new Map([[me().organization.id, me().organization.name]]);
  const people = new Map([[me().member.id, me().member.fullName]]);
  await Promise.all([
    get('/partners?limit=1000').then((a) => a.items.forEach((p) => orgs.set(p.id, p.name))).catch(() => null),
    get(`/orgs/${encodeURIComponent(me().organization.id)}`)
      .then((card) => card.members.forEach((m) => people.set(m.id, m.fullName))).catch(() => null),
  ]);
  return {
    org: (id) => (id ? orgs.get(id) || `${id.slice(0, 8)}…` : '—'),
    partners: () => [...orgs.entries()].filter(([id]) => id !== me().organization.id || !isOperator()),
    /** Who did something: "member:<id>" as a name where known, else what kind of actor it was. */
    who(actor) {
      if (!actor) return '—';
      const [kind, id] = actor.split(':');
      if (kind === 'member' && people.has(id)) return people.get(id);
      return label('devices.actor', kind);
    },
  };
}

// --- the list --------------------------------------------------------------------------------------------------

async function list(params) {
  const q = params.query.get('q') || '';
  const status = params.query.get('status') || '';
  const n = await names();
  const search = h('input', { id: 'devices-q', name: 'q', type: 'search', value: q });
  const statusSelect = h('select', { id: 'devices-status', name: 'status' },
    h('option', { value: '' }, t('common.all')),
    options('devices.status', LINE).map(([v, text]) => h('option', { value: v, selected: v === status }, text)));
  const filter = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'devices-q' }, t('devices.serial')), search),
    h('div', { class: 'field' }, h('label', { for: 'devices-status' }, t('common.status')), statusSelect),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('common.search'))));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/devices${query({ q: search.value.trim(), status: statusSelect.value })}`);
  });
  const table = pagedTable([
    [t('devices.serial'), (d) => h('a', { href: path(d.serial) }, d.serial)],
    [t('devices.model'), (d) => d.model],
    [t('common.status'), (d) => badge('devices.status', d.status)],
    [t('devices.partner'), (d) => n.org(d.responsiblePartnerId)],
    [t('devices.network'), (d) => badge('devices.online', d.online ? 'ONLINE' : 'OFFLINE')],
    [t('devices.lastData'), (d) => when(d.lastDataAt)],
    [t('devices.place'), (d) => [d.region, d.country && label('devices.country', d.country)].filter(Boolean)
      .join(', ') || '—'],
  ], (cursor) => get(`/devices${query({ q, status, cursor })}`),
  { empty: q || status ? t('devices.noneFound') : t('devices.none') });
  const links = h('div', { class: 'actions' },
    me().organization.kind === 'PARTNER' ? h('a', { href: '/devices/claim' }, t('devices.claim')) : null,
    isOperator() && hasRole('ADMIN', 'ENGINEER') ? h('a', { href: '/devices/new' }, t('devices.new')) : null);
  return page(t('devices.title'), section(t('devices.title'), filter, table), links);
}

// --- claim and registration ------------------------------------------------------------------------------------

function claim() {
  const partnerId = me().organization.id;
  return page(t('devices.claim'), section(t('devices.claim'),
    h('p', {}, t('devices.claimHelp')),
    h('p', {}, t('devices.yourPartnerId'), ' ', h('code', {}, partnerId)),
    form([
      { name: 'serial', label: t('devices.serial'), required: true, autocomplete: 'off' },
      { name: 'partnerId', label: t('devices.partnerId'), required: true, value: partnerId,
        hint: t('devices.partnerIdHint') },
      { name: 'devicePassword', label: t('devices.devicePassword'), type: 'password', required: true,
        autocomplete: 'off', hint: t('devices.devicePasswordHint') },
    ], t('devices.claimSubmit'), async (v) => {
      const card = await post('/devices/claim', v);
      navigate(path(card.serial));
      flash(t('devices.claimed', { serial: card.serial }));
    }, { id: 'claim' })));
}

function create() {
  return page(t('devices.new'), section(t('devices.new'), form([
    { name: 'serial', label: t('devices.serial'), required: true, autocomplete: 'off' },
    { name: 'model', label: t('devices.model'), required: true },
    { name: 'password', label: t('devices.printedPassword'), type: 'password', required: true,
      autocomplete: 'new-password', hint: t('devices.printedPasswordHint') },
  ], t('common.create'), async (v) => {
    const card = await post('/devices', v);
    navigate(path(card.serial));
    flash(t('devices.created', { serial: card.serial }));
  }, { id: 'device-new' })));
}

// --- the card --------------------------------------------------------------------------------------------------

/** Re-renders the card, then says what was done. */
function reload(text) {
  navigate(location.pathname, { replace: true });
  flash(text);
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).flatMap(([term, value]) => [h('dt', {}, term),
    h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)]));
}

async function card(params) {
  let d;
  try {
    d = await get(path(params.serial));
  } catch (error) {
    return page(params.serial, h('p', { class: 'form-error' }, message(error)),
      h('p', {}, h('a', { href: '/devices' }, t('devices.back'))));
  }
  const n = await names();
  const parts = [
    h('p', {}, h('a', { href: '/devices' }, t('devices.back'))),
    statusSection(d, n),
  ];
  if (d.dataRequest) parts.push(dataRequestSection(d));
  parts.push(detailsSection(d));
  parts.push(stagesSection(d, n));
  parts.push(connectivitySection(d));
  if (mayOverride()) parts.push(overrideSection(d));
  if (mayAdvance()) parts.push(assignSection(d, n));
  parts.push(section(t('devices.history'), pagedTable([
    [t('devices.when'), (e) => when(e.at)],
    [t('devices.event'), (e) => label('devices.event', e.event.startsWith('SET_') ? 'SET' : e.event)],
    [t('common.status'), (e) => (e.fromState && e.fromState !== e.toState
      ? [label('devices.status', e.fromState), ' → ', label('devices.status', e.toState)]
      : label('devices.status', e.toState))],
    [t('devices.who'), (e) => n.who(e.actor)],
    [t('devices.reason'), (e) => why(e, n)],
  ], (cursor) => get(`${path(d.serial)}/history${query({ cursor })}`), { empty: t('devices.noHistory') })));
  return page(t('devices.cardOf', { serial: d.serial }), ...parts);
}

/** What a journal line says besides its event: a partner's name, the fields filled, or the reason given. */
function why(entry, n) {
  if (!entry.reason) return '';
  if (entry.event === 'CLAIM' || entry.event === 'ASSIGN') return n.org(entry.reason);
  const fields = (list) => list.split(', ').map((f) => label('devices.field', f)).join(', ');
  if (entry.event === 'FILL_DATA') return fields(entry.reason);
  // A step that opened a data request says so: "asks for country, region", after the reason typed, if any.
  const asks = /^(?:([\s\S]*); )?asks for ([\w, ]+)$/.exec(entry.reason);
  if (asks) {
    const text = t('devices.asksFor', { fields: fields(asks[2]) });
    return asks[1] ? `${asks[1]}; ${text}` : text;
  }
  return entry.reason;
}

function statusSection(d, n) {
  const next = LINE[LINE.indexOf(d.status) + 1];
  const el = section(t('devices.statusTitle'),
    facts([
      [t('devices.serial'), d.serial],
      [t('devices.model'), d.model],
      [t('common.status'), badge('devices.status', d.status)],
      [t('devices.partner'), n.org(d.responsiblePartnerId)],
      [t('devices.registered'), day(d.createdAt)],
    ]));
  if (next && mayAdvance()) {
    const holder = h('div', {});
    const open = h('button', {
      type: 'button', class: 'primary', 'aria-expanded': 'false',
      onclick: () => {
        open.hidden = true;
        const advance = form([
          { name: 'password', label: t('devices.yourPassword'), type: 'password', required: true,
            autocomplete: 'current-password', hint: t('devices.yourPasswordHint') },
        ], t('devices.moveTo', { status: label('devices.status', next) }), async (v) => {
          const moved = await post(`${path(d.serial)}/advance`, { password: v.password });
          reload(moved.dataRequest ? t('devices.advancedWithRequest', { status: label('devices.status', moved.status) })
            : t('devices.advanced', { status: label('devices.status', moved.status) }));
        }, { id: 'advance' });
        advance.querySelector('.actions').append(h('button', {
          type: 'button', class: 'secondary',
          onclick: () => { advance.remove(); open.hidden = false; open.focus(); },
        }, t('common.cancel')));
        holder.replaceChildren(advance);
        advance.querySelector('input').focus();
      },
    }, t('devices.nextStatus'));
    el.append(h('p', {}, t('devices.nextIs', { status: label('devices.status', next) })),
      h('div', { class: 'actions' }, open), holder);
  }
  return el;
}

/** The detail fields of a form: country and region (chosen from the catalog, the region by country), object type. */
function detailFields(d) {
  return [
    { name: 'country', label: t('devices.countryLabel'), required: true, value: d.country || '',
      options: options('devices.country', [...new Set([...Object.keys(REGIONS), d.country].filter(Boolean))]) },
    { name: 'region', label: t('devices.region'), required: true, value: d.region || '', options: [] },
    { name: 'objectType', label: t('devices.objectTypeLabel'), required: true, value: d.objectType || '',
      options: options('devices.objectType', [...new Set([...OBJECT_TYPES, d.objectType].filter(Boolean))]) },
    { name: 'owner', label: t('devices.owner'), value: d.owner, hint: t('devices.ownerHint') },
    { name: 'note', label: t('devices.note'), type: 'textarea', value: d.note },
  ];
}

/** Gives the selects of a details form a "choose" option, and the region select the regions of the country. */
function wireDetails(el, d) {
  const country = el.querySelector('select[name=country]');
  const region = el.querySelector('select[name=region]');
  const objectType = el.querySelector('select[name=objectType]');
  for (const select of [country, objectType]) select.prepend(h('option', { value: '' }, t('devices.choose')));
  country.value = d.country || '';
  objectType.value = d.objectType || '';
  const regions = (chosen) => {
    const names = [...(REGIONS[country.value] || [])];
    if (chosen && !names.includes(chosen) && country.value === d.country) names.push(chosen);
    region.replaceChildren(h('option', { value: '' }, t('devices.choose')),
      ...names.map((r) => h('option', { value: r, selected: r === chosen }, r)));
    region.value = names.includes(chosen) ? chosen : '';
  };
  regions(d.region);
  country.addEventListener('change', () => regions(''));
  return el;
}

const typedFields = (names) => STAGE_FIELDS.filter(([, name, , kind]) => names.includes(name)
  && (kind === 'typed' || kind === 'reason'));

/** Saves details (PATCH) and stage fields (fill) of a form's values, whichever it holds. */
async function save(d, v, detailNames, stageNames) {
  let saved = null;
  if (detailNames.length) {
    saved = await patch(path(d.serial), {
      country: v.country || null, region: v.region || null, objectType: v.objectType || null,
      owner: v.owner ?? null, note: v.note ?? null,
    });
  }
  const fields = {};
  for (const [field, name] of typedFields(stageNames)) {
    if (v[name]) fields[field] = v[name];
  }
  if (Object.keys(fields).length) saved = await post(`${path(d.serial)}/fill`, { fields });
  return saved;
}

function dataRequestSection(d) {
  const request = d.dataRequest;
  const detailNames = request.fields.filter((f) => DETAILS.includes(f));
  const stageNames = request.fields.filter((f) => !DETAILS.includes(f));
  const fields = [];
  if (detailNames.length) fields.push(...detailFields(d));
  for (const [, name, , kind] of typedFields(stageNames)) {
    fields.push({ name, label: label('devices.field', name), required: true,
      type: kind === 'reason' ? 'textarea' : 'text' });
  }
  const el = section(t('devices.dataRequest'),
    h('p', {}, t('devices.dataRequestHelp', {
      status: label('devices.status', request.status), date: when(request.openedAt),
    })),
    h('ul', {}, request.fields.map((f) => h('li', {}, label('devices.field', f)))));
  el.classList.add('request');
  if (mayEdit()) {
    const answer = form(fields, t('devices.sendData'), async (v) => {
      for (const name of [...detailNames, ...typedFields(stageNames).map(([, n]) => n)]) {
        if (!v[name]) throw new ApiError(422, 'FIELD_REQUIRED', '', name);
      }
      await save(d, v, detailNames, stageNames);
      reload(t('devices.dataSent'));
    }, { id: 'request' });
    if (detailNames.length) wireDetails(answer, d);
    el.append(answer);
  }
  return el;
}

function detailsSection(d) {
  const el = section(t('devices.details'), facts([
    [t('devices.countryLabel'), d.country && label('devices.country', d.country)],
    [t('devices.region'), d.region],
    [t('devices.objectTypeLabel'), d.objectType && label('devices.objectType', d.objectType)],
    [t('devices.owner'), d.owner],
    [t('devices.note'), d.note],
    [t('devices.timezone'), d.timezone],
  ]));
  const answeredAbove = d.dataRequest && d.dataRequest.fields.some((f) => DETAILS.includes(f));
  if (!mayEdit() || answeredAbove) return el;
  const edit = wireDetails(form(detailFields(d), t('common.save'), async (v) => {
    await save(d, v, DETAILS, []);
    reload(t('devices.detailsSaved'));
  }, { id: 'details' }), d);
  if (d.missingFields && d.missingFields.length) {
    el.append(h('p', {}, t('devices.detailsMissing', {
      fields: d.missingFields.map((f) => label('devices.field', f)).join(', '),
    })), edit);
  } else {
    el.append(h('details', {}, h('summary', {}, t('devices.editDetails')), edit));
  }
  return el;
}

function stageValue(fact, kind, n) {
  if (kind === 'date') return when(fact.value);
  if (kind === 'partner') return n.org(fact.value);
  return fact.value;
}

function stagesSection(d, n) {
  const rows = STAGE_FIELDS.map(([field, name, stage, kind]) => {
    const fact = d.stages.find((f) => f.field === field);
    return fact && h('tr', {},
      h('td', { 'data-label': t('devices.stage') }, label('devices.status', stage)),
      h('td', { 'data-label': t('devices.fieldName') }, label('devices.field', name)),
      h('td', { 'data-label': t('devices.value') }, stageValue(fact, kind, n)),
      h('td', { 'data-label': t('devices.who') }, n.who(fact.setBy)),
      h('td', { 'data-label': t('devices.when') }, when(fact.setAt)));
  }).filter(Boolean);
  const el = section(t('devices.stages'), rows.length
    ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('devices.stage'), t('devices.fieldName'), t('devices.value'), t('devices.who'),
        t('devices.when')].map((head) => h('th', { scope: 'col' }, head)))),
      h('tbody', {}, rows)))
    : h('p', { class: 'empty' }, t('devices.noStages')));
  const requested = d.dataRequest ? d.dataRequest.fields : [];
  const reached = LINE.indexOf(d.status);
  const open = STAGE_FIELDS.filter(([, name, stage, kind]) => (kind === 'typed' || kind === 'reason')
    && LINE.indexOf(stage) <= reached && !requested.includes(name));
  if (mayEdit() && open.length) {
    const byName = Object.fromEntries(d.stages.map((f) => [f.field, f.value]));
    const record = form(open.map(([field, name, , kind]) => ({
      name, label: label('devices.field', name), type: kind === 'reason' ? 'textarea' : 'text', value: byName[field],
    })), t('common.save'), async (v) => {
      const changed = open.filter(([field, name]) => v[name] && v[name] !== byName[field]).map(([, name]) => name);
      if (!changed.length) {
        flash(t('devices.nothingChanged'));
        return;
      }
      await save(d, v, [], changed);
      reload(t('devices.stageSaved'));
    }, { id: 'stage' });
    el.append(h('details', {}, h('summary', {}, t('devices.recordStage')), record));
  }
  return el;
}

function connectivitySection(d) {
  return section(t('devices.connectivity'), facts([
    [t('devices.network'), badge('devices.online', d.online ? 'ONLINE' : 'OFFLINE')],
    [t('devices.connectivityKind'), d.connectivity ? label('devices.connectivityKind', d.connectivity) : null],
    [t('devices.lastData'), when(d.lastDataAt)],
    [t('devices.lastConnect'), when(d.lastConnectAt)],
    [t('devices.lastDisconnect'), when(d.lastDisconnectAt)],
    [t('devices.alarms'), d.alarms.length
      ? h('ul', { class: 'alarms' }, d.alarms.map((code) => h('li', {}, h('span', { class: 'badge REJECTED' }, code))))
      : t('devices.noAlarms')],
    [t('devices.manual'), d.manual
      ? h('a', { href: d.manual, target: '_blank', rel: 'noopener' }, t('devices.manualLink', { model: d.model }))
      : t('devices.noManual')],
  ]));
}

function overrideSection(d) {
  const others = LINE.filter((s) => s !== d.status);
  return section(t('devices.override'), h('p', {}, t('devices.overrideHelp')), form([
    { name: 'status', label: t('devices.newStatus'), required: true, options: options('devices.status', others) },
    { name: 'reason', label: t('devices.reason'), type: 'textarea', required: true },
  ], t('devices.setStatus'), async (v) => {
    if (!v.reason) throw new ApiError(422, 'FIELD_REQUIRED', '', 'reason');
    const to = label('devices.status', v.status);
    if (!(await confirmStep(t('devices.confirmOverride', { serial: d.serial, status: to })))) return;
    await put(`${path(d.serial)}/status`, { status: v.status, reason: v.reason });
    reload(t('devices.overridden', { status: to }));
  }, { id: 'override' }));
}

function assignSection(d, n) {
  const partners = n.partners();
  return section(t('devices.assign'), form([
    { name: 'partnerId', label: t('devices.responsiblePartner'), required: true, value: d.responsiblePartnerId,
      options: partners },
  ], t('devices.assignSubmit'), async (v) => {
    const name = n.org(v.partnerId);
    if (!(await confirmStep(t('devices.confirmAssign', { serial: d.serial, name })))) return;
    await put(`${path(d.serial)}/partner`, { partnerId: v.partnerId });
    reload(t('devices.assigned', { name }));
  }, { id: 'assign' }));
}

const STAFF = { kinds: ['OPERATOR', 'PARTNER'], roles: ['ADMIN', 'MANAGER', 'ENGINEER'] };

export const routes = [
  { path: '/devices', title: 'devices.title', menu: 'devices.menu', who: STAFF, render: list },
  { path: '/devices/claim', title: 'devices.claim', menu: 'devices.menuClaim',
    who: { kinds: ['PARTNER'], roles: ['ADMIN', 'MANAGER', 'ENGINEER'] }, render: claim },
  { path: '/devices/new', title: 'devices.new', who: { kinds: ['OPERATOR'], roles: ['ADMIN', 'ENGINEER'] },
    render: create },
  // The links in e-mails land here: any signed-in member may open it, the server decides what it shows.
  { path: '/devices/:serial', title: 'devices.card', render: card },
];
