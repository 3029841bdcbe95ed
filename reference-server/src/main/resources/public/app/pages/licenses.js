// Licenses (MyPOS): the documents that mint, reveal and sell licenses, found by type, company, partner, author
// and period; a new document; a document's card with its licenses, e-mailing them and the printable page the
// server makes; the licenses an organization holds with their flags; and minting, for the licensor.

import { ApiError, api, get, post, query } from '../api.js';
import { language, t } from '../i18n.js';
import {
  confirmStep, day, flash, form, h, label, message, options, page, pagedTable, section, when,
} from '../ui.js';
import { navigate } from '../main.js';

const TYPES = ['MINT', 'REVEAL_TO_SELF', 'SALE_TO_PARTNER', 'SALE_TO_COMPANY', 'SALE_TO_UNREGISTERED'];
/** What the new document form posts: minting is a command of its own. */
const POSTED = TYPES.slice(1);
const STATES = ['SEALED', 'REVEALED', 'ASSIGNED', 'SOLD'];
/** Who may read documents and licenses (the VIEW permission). */
const READERS = { roles: ['ADMIN', 'MANAGER', 'ENGINEER', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER'] };
/** Who posts, prints and sends documents (LICENSE_TRADE): a partner's or the licensor's staff. */
const TRADERS = { kinds: ['OPERATOR', 'PARTNER'], roles: ['ADMIN', 'MANAGER'] };

/** A page of the parts given, leaving out those not shown to this member (null). */
function view(title, ...parts) {
  return page(title, ...parts.filter(Boolean));
}

function trades(me) {
  return TRADERS.kinds.includes(me.organization.kind) && TRADERS.roles.some((r) => me.member.roles.includes(r));
}

function mints(me) {
  return me.organization.kind === 'OPERATOR' && me.member.roles.includes('ADMIN');
}

/** A whole list (up to one page of {@code limit}), or none when the caller may not read it. */
async function list(path, limit = 1000) {
  try {
    return (await get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}`)).items;
  } catch (error) {
    // Only names and choices come from these lists: a list the member may not read leaves them out.
    return [];
  }
}

/** The organizations a member may name: its companies, the partners, the licensor's others' companies. */
async function lists(me) {
  const kind = me.organization.kind;
  const [partners, companies, others] = await Promise.all([
    list('/partners'),
    kind === 'COMPANY' ? [] : list('/orgs?kind=COMPANY'),
    kind === 'OPERATOR' ? list('/orgs?scope=others', 100) : [],
  ]);
  return { partners, companies: [...companies, ...others] };
}

/** The names of the organizations a member may name, by id, its own among them. */
function named(me, { partners, companies }) {
  const names = new Map([[me.organization.id, me.organization.name]]);
  [...partners, ...companies].forEach((o) => names.set(o.id, o.name));
  return names;
}

/** The member's colleagues by id, who author documents. */
async function colleagues(me) {
  const members = await list(`/orgs/${me.organization.id}/members`);
  return new Map(members.map((m) => [m.id, m.fullName]));
}

/** The offset of {@code zone} from UTC at an instant, in milliseconds. */
function offset(instant, zone) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant)).forEach((p) => { parts[p.type] = p.value; });
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
}

/** The instant a day (YYYY-MM-DD, plus {@code days}) starts in the member's organization's zone, or null. */
function startOf(date, me, days = 0) {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  if (!found) return null;
  const zone = me.organization.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const midnight = Date.UTC(+found[1], +found[2] - 1, +found[3] + days);
  let instant = midnight;
  for (let i = 0; i < 2; i++) instant = midnight - offset(instant, zone);
  return new Date(instant).toISOString();
}

function typeBadge(type) {
  return h('span', { class: `badge ${type}` }, label('licenses.type', type));
}

function stateBadge(state) {
  return h('span', { class: `badge ${state}` }, label('licenses.state', state));
}

/** A code as the API answers it: in full, masked to its last four, or hidden while sealed. */
function code(item) {
  return item.code ? h('code', {}, item.code) : h('span', { class: 'empty' }, t('licenses.codeHidden'));
}

function yesNo(value) {
  return value ? t('common.yes') : t('common.no');
}

/** The columns of a list of licenses, with the seed's flags: free or activated, printed, sent. */
function licenseColumns(names) {
  return [
    [t('licenses.code'), code],
    [t('licenses.state'), (l) => stateBadge(l.state)],
    ...(names ? [[t('licenses.holder'), (l) => names.get(l.holderId) || '—']] : []),
    [t('licenses.activation'), (l) => (l.activated
      ? h('span', { class: 'badge ACTIVATED' }, t('licenses.activated')) : t('licenses.free'))],
    [t('licenses.printed'), (l) => yesNo(l.printed)],
    [t('licenses.sent'), (l) => yesNo(l.sent)],
    [t('licenses.mintedAt'), (l) => day(l.mintedAt)],
  ];
}

/** The buyer of a document as it names it: the requisites it keeps, else the organization. */
function buyerName(d, names) {
  if (d.buyer && d.buyer.name) return d.buyer.name;
  if (d.buyerOrgId) return names.get(d.buyerOrgId) || '—';
  return '—';
}

// --- documents ---------------------------------------------------------------------------------------------

async function documents(params, { me }) {
  const q = params.query;
  const [known, people] = await Promise.all([lists(me), colleagues(me)]);
  const names = named(me, known);
  const fields = [
    { name: 'type', label: t('licenses.type'), options: options('licenses.type', TYPES), value: q.get('type') },
  ];
  if (me.organization.kind !== 'COMPANY') {
    fields.push({ name: 'companyId', label: t('licenses.company'), value: q.get('companyId'),
      options: known.companies.map((c) => [c.id, c.name]) });
  }
  if (me.organization.kind === 'OPERATOR') {
    fields.push({ name: 'partnerId', label: t('licenses.partner'), value: q.get('partnerId'),
      options: known.partners.map((p) => [p.id, p.name]) });
  }
  fields.push(
    { name: 'authorId', label: t('licenses.author'), value: q.get('authorId'), options: [...people] },
    { name: 'from', label: t('common.from'), type: 'date', value: q.get('from') },
    { name: 'to', label: t('common.to'), type: 'date', value: q.get('to') },
  );
  const filters = form(fields, t('common.filter'), async (v) => {
    navigate(`/documents${query(v)}`);
  }, { id: 'documents-filter' });
  filters.classList.add('filters');

  const table = pagedTable([
    [t('licenses.number'), (d) => h('a', { href: `/documents/${d.id}` }, t('licenses.numbered', { number: d.number }))],
    [t('licenses.type'), (d) => typeBadge(d.type)],
    [t('licenses.date'), (d) => when(d.postedAt)],
    [t('licenses.seller'), (d) => names.get(d.sellerId) || '—'],
    [t('licenses.buyer'), (d) => buyerName(d, names)],
    [t('licenses.author'), (d) => people.get(d.authorId) || '—'],
    [t('licenses.count'), (d) => String(d.licenseIds.length)],
  ], (cursor) => get(`/documents${query({
    type: q.get('type'), companyId: q.get('companyId'), partnerId: q.get('partnerId'),
    authorId: q.get('authorId'), from: startOf(q.get('from'), me), to: startOf(q.get('to'), me, 1), cursor,
  })}`), { empty: t('licenses.noDocuments') });

  return view(t('licenses.documents'),
    trades(me) ? h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => navigate('/documents/new') },
        t('licenses.newDocument'))) : null,
    section(t('common.filter'), filters, q.toString()
      ? h('p', {}, h('a', { href: '/documents' }, t('licenses.clearFilters'))) : null),
    section(t('licenses.documents'), table));
}

/** The label of the buyer organization field, by the kind of buyer the type names. */
function buyerLabel(type) {
  return type === 'SALE_TO_PARTNER' ? t('licenses.buyerPartner') : t('licenses.buyerCompany');
}

function fill(select, choices, chosen) {
  select.replaceChildren(...choices.map(([value, text]) => h('option', {
    value, selected: String(chosen ?? '') === String(value),
  }, text)));
}

async function newDocument(params, { me }) {
  const q = params.query;
  const [partners, companies] = await Promise.all([list('/partners'), list('/orgs?kind=COMPANY')]);
  const sellable = partners.filter((p) => p.id !== me.organization.id);
  let type = POSTED.includes(q.get('type')) ? q.get('type') : 'REVEAL_TO_SELF';
  const el = form([
    { name: 'type', label: t('licenses.type'), options: options('licenses.type', POSTED), required: true, value: type },
    { name: 'buyerOrgId', label: buyerLabel(type), options: [], required: true },
    { name: 'buyerFirmId', label: t('licenses.buyerFirm'), options: [], hint: t('licenses.buyerFirmHint') },
    { name: 'name', label: t('licenses.buyerName'), required: true, autocomplete: 'organization' },
    { name: 'taxId', label: t('licenses.taxId') },
    { name: 'address', label: t('licenses.address'), autocomplete: 'street-address' },
    { name: 'director', label: t('licenses.director') },
    { name: 'count', label: t('licenses.count'), type: 'number', min: 1, step: 1, required: true,
      value: q.get('count') || '1' },
  ], t('licenses.post'), async (v) => {
    if (!/^\d+$/.test(v.count)) throw new ApiError(422, v.count ? 'FIELD_MALFORMED' : 'FIELD_REQUIRED', '', 'count');
    const body = { type: v.type, count: Number(v.count) };
    let buyer = '';
    if (v.type === 'SALE_TO_PARTNER' || v.type === 'SALE_TO_COMPANY') {
      body.buyerOrgId = v.buyerOrgId || null;
      buyer = (v.type === 'SALE_TO_PARTNER' ? sellable : companies).find((o) => o.id === v.buyerOrgId)?.name || '';
    }
    if (v.type === 'SALE_TO_COMPANY') body.buyerFirmId = v.buyerFirmId || null;
    if (v.type === 'SALE_TO_UNREGISTERED') {
      body.buyer = { name: v.name, taxId: v.taxId || null, address: v.address || null, director: v.director || null };
      buyer = v.name;
    }
    const question = buyer
      ? t('licenses.confirmSale', { count: body.count, type: label('licenses.type', v.type), buyer })
      : t('licenses.confirmReveal', { count: body.count });
    if (!(await confirmStep(question))) return;
    const document = await post('/documents', body);
    navigate(`/documents/${document.id}`);
    flash(t('licenses.posted', { number: document.number }));
  }, { id: 'document' });

  const input = (name) => el.querySelector(`[name="${name}"]`);
  const rows = Object.fromEntries(['buyerOrgId', 'buyerFirmId', 'name', 'taxId', 'address', 'director', 'count']
    .map((name) => [name, input(name).closest('.field')]));
  const row = (name) => rows[name];
  const parts = ['buyerOrgId', 'buyerFirmId', 'name', 'taxId', 'address', 'director'].map(row);
  const buyerField = input('buyerOrgId');
  const firmField = input('buyerFirmId');
  const buyerLabelEl = el.querySelector('label[for="document-buyerOrgId"]');

  async function firms(company) {
    if (!company) {
      fill(firmField, [['', '—']]);
      return;
    }
    const found = await list(`/firms?companyId=${encodeURIComponent(company)}`);
    // No firm: the company is its own buyer of record; several: one must be chosen (the first is offered).
    fill(firmField, found.length ? found.map((f) => [f.id, f.taxId ? `${f.name} (${f.taxId})` : f.name])
      : [['', t('licenses.companyItself')]]);
  }

  /** Shows the fields the type needs, in their order before the count. */
  async function shape(chosen, buyerId) {
    type = chosen;
    parts.forEach((p) => p.remove());
    const shown = [];
    if (type === 'SALE_TO_PARTNER' || type === 'SALE_TO_COMPANY') {
      buyerLabelEl.replaceChildren(buyerLabel(type), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
      const choices = (type === 'SALE_TO_PARTNER' ? sellable : companies).map((o) => [o.id, o.name]);
      fill(buyerField, [['', '—'], ...choices], buyerId);
      shown.push(row('buyerOrgId'));
    }
    if (type === 'SALE_TO_COMPANY') {
      shown.push(row('buyerFirmId'));
      await firms(buyerField.value);
    }
    if (type === 'SALE_TO_UNREGISTERED') shown.push(...['name', 'taxId', 'address', 'director'].map(row));
    row('count').before(...shown);
  }

  input('type').addEventListener('change', (event) => shape(event.target.value));
  buyerField.addEventListener('change', () => {
    if (type === 'SALE_TO_COMPANY') firms(buyerField.value);
  });
  await shape(type, q.get('buyerOrgId'));

  return view(t('licenses.newDocument'),
    section(t('licenses.newDocument'), h('p', {}, t('licenses.newDocumentHelp')), el),
    h('p', {}, h('a', { href: '/documents' }, t('licenses.backToDocuments'))));
}

async function documentCard(params, { me }) {
  let card;
  try {
    card = await get(`/documents/${encodeURIComponent(params.id)}`);
  } catch (error) {
    return view(t('licenses.document'), h('p', { class: 'form-error' }, message(error)),
      h('p', {}, h('a', { href: '/documents' }, t('licenses.backToDocuments'))));
  }
  const [known, people] = await Promise.all([lists(me), colleagues(me)]);
  const names = named(me, known);
  const d = card.document;
  const facts = [
    [t('licenses.number'), String(d.number)],
    [t('licenses.type'), typeBadge(d.type)],
    [t('licenses.date'), when(d.postedAt)],
    [t('licenses.seller'), names.get(d.sellerId) || '—'],
  ];
  if (d.buyerOrgId || d.buyer) facts.push([t('licenses.buyer'), buyerName(d, names)]);
  if (d.buyer) {
    facts.push([t('licenses.taxId'), d.buyer.taxId || '—'], [t('licenses.address'), d.buyer.address || '—']);
    if (d.buyer.director) facts.push([t('licenses.director'), d.buyer.director]);
  }
  // Short terms: the facts stay side by side on a phone.
  facts.push([t('licenses.author'), people.get(d.authorId) || '—'],
    [t('licenses.countShort'), String(d.licenseIds.length)]);
  const sold = d.sellerId === me.organization.id && trades(me) && d.type !== 'MINT';
  const send = sold ? section(t('licenses.sendTitle'), form([
    { name: 'email', label: t('common.email'), type: 'email', required: true, autocomplete: 'email' },
  ], t('licenses.send'), async (v) => {
    if (!(await confirmStep(t('licenses.confirmSend', { number: d.number, email: v.email })))) return;
    await post(`/documents/${d.id}/send`, { email: v.email });
    navigate(`/documents/${d.id}`, { replace: true });
    flash(t('licenses.sentTo', { email: v.email }));
  }, { id: 'send' })) : null;

  return view(t('licenses.numberedDocument', { number: d.number }),
    h('p', { class: 'actions' },
      sold ? h('button', { type: 'button', class: 'primary', onclick: () => navigate(`/documents/${d.id}/print`) },
        t('licenses.print')) : null,
      h('a', { href: '/documents' }, t('licenses.backToDocuments'))),
    section(t('licenses.document'),
      h('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]))),
    send,
    section(t('licenses.licensesOf', { count: card.licenses.length }),
      pagedTable(licenseColumns(), async () => ({ items: card.licenses, nextCursor: null }),
        { empty: t('licenses.noLicenses') })));
}

let printed = null;

/**
 * The printable page of a document as the server makes it (its own print styles, every value escaped, the
 * licenses flagged printed), fetched with the session's token and shown in a frame that prints on its own.
 */
async function printView(params) {
  const back = h('a', { href: `/documents/${encodeURIComponent(params.id)}` }, t('licenses.backToDocument'));
  let html;
  try {
    const response = await api('GET', `/documents/${encodeURIComponent(params.id)}/print?lang=${language()}`,
      undefined, { raw: true });
    html = await response.text();
  } catch (error) {
    return view(t('licenses.printView'), h('p', { class: 'form-error' }, message(error)), h('p', {}, back));
  }
  if (printed) URL.revokeObjectURL(printed);
  printed = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const frame = h('iframe', { id: 'printable', src: printed, title: t('licenses.printView'), width: '100%' });
  // The frame is as tall as the page it shows, so that the portal's scroll is the only one.
  frame.addEventListener('load', () => {
    frame.height = String(frame.contentDocument.documentElement.scrollHeight + 16);
  });
  return view(t('licenses.printView'),
    h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => frame.contentWindow.print() },
        t('licenses.print')),
      h('a', { href: printed, target: '_blank', rel: 'noopener' }, t('licenses.openWindow')),
      back),
    h('p', {}, h('small', {}, t('licenses.printHelp'))),
    h('div', { class: 'card' }, frame));
}

// --- licenses ----------------------------------------------------------------------------------------------

async function licenses(params, { me }) {
  const q = params.query;
  // The licensor looks at any partner's and company's licenses; a partner at its companies'.
  const known = me.organization.kind === 'COMPANY' ? { partners: [], companies: [] } : await lists(me);
  const holders = [[me.organization.id, me.organization.name],
    ...(me.organization.kind === 'OPERATOR' ? known.partners : []).map((p) => [p.id, p.name]),
    ...known.companies.map((c) => [c.id, c.name])];
  const names = new Map(holders);
  const filters = form([
    { name: 'state', label: t('licenses.state'), options: options('licenses.state', STATES), value: q.get('state') },
    { name: 'holderId', label: t('licenses.holder'), options: holders, required: true,
      value: q.get('holderId') || me.organization.id },
  ], t('common.filter'), async (v) => {
    navigate(`/licenses${query({ state: v.state, holderId: v.holderId === me.organization.id ? '' : v.holderId })}`);
  }, { id: 'licenses-filter' });
  filters.classList.add('filters');

  const table = pagedTable(licenseColumns(names), (cursor) => get(`/licenses${query({
    state: q.get('state'), holderId: q.get('holderId'), cursor,
  })}`), { empty: t('licenses.noLicenses') });

  const mint = mints(me) ? section(t('licenses.mintTitle'), h('p', {}, t('licenses.mintHelp')), form([
    { name: 'count', label: t('licenses.count'), type: 'number', min: 1, step: 1, required: true, value: '10' },
  ], t('licenses.mint'), async (v) => {
    if (!/^\d+$/.test(v.count)) throw new ApiError(422, v.count ? 'FIELD_MALFORMED' : 'FIELD_REQUIRED', '', 'count');
    if (!(await confirmStep(t('licenses.confirmMint', { count: v.count })))) return;
    const minted = await post('/licenses/mint', { count: Number(v.count) });
    navigate(`/documents/${minted.documentId}`);
    flash(t('licenses.minted', { count: minted.minted }));
  }, { id: 'mint' })) : null;

  return view(t('licenses.licenses'),
    trades(me) ? h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => navigate('/documents/new') },
        t('licenses.newDocument'))) : null,
    section(t('common.filter'), filters),
    section(t('licenses.licenses'), h('p', {}, h('small', {}, t('licenses.codesHelp'))), table),
    mint);
}

export const routes = [
  { path: '/documents', title: 'licenses.documents', menu: 'licenses.documents', who: READERS, render: documents },
  { path: '/documents/new', title: 'licenses.newDocument', who: TRADERS, render: newDocument },
  { path: '/documents/:id', title: 'licenses.document', who: READERS, render: documentCard },
  { path: '/documents/:id/print', title: 'licenses.printView', who: TRADERS, render: printView },
  { path: '/licenses', title: 'licenses.licenses', menu: 'licenses.licenses', who: READERS, render: licenses },
];
