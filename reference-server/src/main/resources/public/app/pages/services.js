// Service packages (Ajax PRO Desktop): a seller's objects (sites) with the hubs installed there and the tile under
// each (activation required / active / expires soon) with its steps, registering as a seller, the connections to
// resellers, the resellers' monthly statements (with a CSV download) and the operator's package catalog.

import { api, get, patch, post, query } from '../api.js';
import { language, t } from '../i18n.js';
import {
  action, confirmStep, day, flash, form, h, label, message, options, page, pagedTable, section, when,
} from '../ui.js';
import { context, navigate } from '../main.js';

/** Who may run services at a seller: its owner, installers and service managers (the SDK's SUBSCRIPTION_MANAGE). */
const MANAGERS = ['OWNER', 'INSTALLER', 'SERVICE_MANAGER', 'SENIOR_SERVICE_MANAGER'];
/** Who reads an organization's connections and statements (the SDK's VIEW). */
const VIEWERS = ['ADMIN', 'MANAGER', 'ENGINEER', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER'];
const CONNECTION_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ENDED'];

const org = () => context.me.organization;
const hasRole = (...roles) => roles.some((r) => context.me.member.roles.includes(r));
const isCompany = () => org().kind === 'COMPANY';
const isSeller = () => isCompany() && !!org().sellerSince;
const canManage = () => isSeller() && hasRole(...MANAGERS);
const badge = (group, value) => h('span', { class: `badge ${value}` }, label(group, value));
const yesNo = (value) => t(value ? 'common.yes' : 'common.no');

/** Every item of a list endpoint (up to a few pages), for the selects of a form. */
async function all(path, pages = 5) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < pages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const answer = await get(`${path}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/**
 * The names of organizations by id: every partner (the directory any member may read), the member's own
 * organization, and others looked up one by one where the caller may see them (a reseller's sellers).
 */
async function orgNames() {
  const names = new Map([[org().id, org().name]]);
  try {
    for (const p of await all('/partners')) names.set(p.id, p.name);
  } catch (e) {
    // without the directory, ids are shown
  }
  const asked = new Map();
  return {
    name: (id) => (id ? names.get(id) || `${id.slice(0, 8)}…` : '—'),
    async load(ids) {
      await Promise.all([...new Set(ids)].filter((id) => id && !names.has(id)).map((id) => {
        if (!asked.has(id)) {
          asked.set(id, get(`/orgs/${encodeURIComponent(id)}`)
            .then((card) => names.set(id, card.organization.name)).catch(() => null));
        }
        return asked.get(id);
      }));
    },
  };
}

function money(minor, currency) {
  try {
    return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(minor / 100);
  } catch (e) {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** Re-renders the page shown now, then says what was done. */
function done(text) {
  navigate(location.pathname + location.search, { replace: true });
  flash(text);
}

// --- sites (objects) --------------------------------------------------------------------------------------------

/** A site by id: the list has no single-site read, so the organization's sites are read until it is found. */
async function findSite(id, organizationId) {
  let cursor = null;
  do {
    const answer = await get(`/sites${query({ organizationId, cursor, limit: 1000 })}`);
    const found = answer.items.find((s) => s.id === id);
    if (found) return found;
    cursor = answer.nextCursor;
  } while (cursor);
  return null;
}

async function companyFilter(params) {
  if (isCompany()) return null;
  let companies = [];
  try {
    companies = await all('/orgs?kind=COMPANY', 1);
  } catch (e) {
    flash(message(e), 'error');
  }
  const chosen = params.query.get('organizationId') || '';
  const select = h('select', { id: 'sites-company', name: 'organizationId' },
    h('option', { value: '' }, t('services.chooseCompany')),
    companies.map((c) => h('option', { value: c.id, selected: c.id === chosen }, c.name)));
  const el = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'sites-company' }, t('services.company')), select),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('common.filter'))));
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/sites${query({ organizationId: select.value })}`);
  });
  return el;
}

async function sites(params) {
  const organizationId = isCompany() ? null : params.query.get('organizationId');
  const parts = [await companyFilter(params)];
  if (!isCompany() && !organizationId) {
    parts.push(h('p', { class: 'empty' }, t('services.chooseCompanyHelp')));
    return page(t('services.sites'), section(t('services.sites'), ...parts));
  }
  const link = (s) => `/sites/${encodeURIComponent(s.id)}${organizationId ? query({ organizationId }) : ''}`;
  const table = pagedTable([
    [t('services.siteName'), (s) => h('a', { href: link(s) }, s.name)],
    [t('services.address'), (s) => s.address || '—'],
    [t('common.created'), (s) => day(s.createdAt)],
    [t('common.actions'), (s) => h('a', { href: link(s) }, t('services.openSite'))],
  ], (cursor) => get(`/sites${query({ organizationId, cursor })}`), { empty: t('services.noSites') });
  parts.push(table);
  const result = [section(t('services.sites'), ...parts)];
  if (isCompany() && hasRole('ADMIN')) {
    result.push(section(t('services.addSite'), form([
      { name: 'name', label: t('services.siteName'), required: true },
      { name: 'address', label: t('services.address') },
    ], t('services.addSite'), async (v) => {
      const site = await post('/sites', { name: v.name, address: v.address || null });
      navigate(`/sites/${encodeURIComponent(site.id)}`);
      flash(t('services.siteAdded'));
    }, { id: 'site-new' })));
  }
  if (isCompany() && !isSeller()) result.unshift(sellerHint());
  return page(t('services.sites'), ...result);
}

function sellerHint() {
  return h('p', { class: 'card' }, t('services.notSeller'), ' ',
    hasRole('OWNER') ? h('a', { href: '/services/seller' }, t('services.becomeSeller')) : t('services.askOwner'));
}

async function site(params) {
  const organizationId = isCompany() ? null : params.query.get('organizationId');
  const found = await findSite(params.id, organizationId);
  if (!found) {
    return page(t('services.site'), h('p', { class: 'form-error' }, t('error.SITE_NOT_FOUND')),
      h('p', {}, h('a', { href: '/sites' }, t('services.backToSites'))));
  }
  const [packages, resellers, names] = await Promise.all([
    get('/packages').then((p) => p.items).catch(() => []),
    canManage() ? all('/connections?kind=SELLER_TO_RESELLER&state=APPROVED', 1).catch(() => null) : [],
    orgNames(),
  ]);
  const parts = [
    h('p', {}, h('a', { href: `/sites${organizationId ? query({ organizationId }) : ''}` }, t('services.backToSites'))),
    section(t('services.site'), h('dl', { class: 'facts' },
      h('dt', {}, t('services.siteName')), h('dd', {}, found.name),
      h('dt', {}, t('services.address')), h('dd', {}, found.address || '—'),
      h('dt', {}, t('common.created')), h('dd', {}, day(found.createdAt)))),
  ];
  if (isCompany() && !isSeller()) parts.push(sellerHint());
  const tiles = hubTiles(found, { packages, resellers, names });
  parts.push(section(t('services.hubs'), tiles));
  if (canManage()) {
    parts.push(section(t('services.addHub'), form([
      { name: 'serial', label: t('services.hubSerial'), required: true, hint: t('services.hubSerialHint') },
      { name: 'simInstalled', label: t('services.simInstalled'), type: 'checkbox' },
    ], t('services.addHub'), async (v) => {
      const hub = await post(`/sites/${encodeURIComponent(found.id)}/hubs`,
        { serial: v.serial, simInstalled: v.simInstalled });
      tiles.reload();
      document.getElementById('hub-new-serial').value = '';
      document.getElementById('hub-new-simInstalled').checked = false;
      flash(t('services.hubAdded', { serial: hub.serial }));
    }, { id: 'hub-new' })));
  }
  if (isCompany() && hasRole('ADMIN')) {
    parts.push(section(t('services.editSite'), form([
      { name: 'name', label: t('services.siteName'), required: true, value: found.name },
      { name: 'address', label: t('services.address'), value: found.address },
    ], t('common.save'), async (v) => {
      await patch(`/sites/${encodeURIComponent(found.id)}`, { name: v.name, address: v.address || null });
      done(t('common.saved'));
    }, { id: 'site-edit' })));
  }
  return page(found.name, ...parts);
}

/** The hubs of a site as tiles, each with the steps its tile allows; reload() reads them again. */
function hubTiles(site, { packages, resellers, names }) {
  const grid = h('div', { class: 'tiles' });
  const status = h('p', { class: 'empty', hidden: true }, t('services.noHubs'));
  const more = h('button', { type: 'button', class: 'more', hidden: true }, t('common.more'));
  const el = h('div', {}, grid, status, more);
  const packageName = (id) => packages.find((p) => p.id === id)?.name || '—';
  let cursor = null;

  async function next(reset) {
    if (reset) {
      cursor = null;
      grid.replaceChildren();
    }
    try {
      const answer = await get(`/sites/${encodeURIComponent(site.id)}/hubs${query({ cursor })}`);
      await names.load(answer.items.map((hub) => hub.subscription?.resellerId));
      for (const hub of answer.items) grid.append(tile(hub));
      cursor = answer.nextCursor;
      more.hidden = !cursor;
      status.hidden = grid.children.length > 0;
      status.textContent = t('services.noHubs');
    } catch (error) {
      status.hidden = false;
      status.textContent = message(error);
    }
  }

  function step(hub, path, confirmText, doneText, kind = 'secondary') {
    return action(t(`services.do.${path}`), async () => {
      await post(`/subscriptions/${encodeURIComponent(hub.subscription.id)}/${path}`);
      await next(true);
      flash(t(doneText, { serial: hub.serial }));
    }, { kind, confirm: t(confirmText, { serial: hub.serial }) });
  }

  function tile(hub) {
    const s = hub.subscription;
    const facts = [
      h('dt', {}, t('services.simCard')), h('dd', {}, yesNo(hub.simInstalled)),
    ];
    if (s) {
      facts.push(h('dt', {}, t('services.package')), h('dd', {}, packageName(s.packageId)),
        h('dt', {}, t('services.reseller')), h('dd', {}, names.name(s.resellerId)),
        h('dt', {}, t('services.since')), h('dd', {}, when(s.startedAt)));
      if (s.endsAt) facts.push(h('dt', {}, t('services.endsAt')), h('dd', {}, when(s.endsAt)));
    }
    const steps = h('div', { class: 'actions' });
    const box = h('article', { class: 'tile', 'aria-label': hub.serial, dataset: { hub: hub.serial } },
      h('h3', {}, hub.serial), h('p', {}, badge('services.tile', hub.tile)),
      h('dl', { class: 'facts' }, facts), steps);
    if (!canManage()) return box;
    if (hub.tile === 'ACTIVATION_REQUIRED') {
      steps.append(h('button', {
        type: 'button', class: 'primary',
        onclick: () => {
          grid.querySelectorAll('form.activate').forEach((f) => f.remove());
          box.append(activation(hub));
          box.querySelector('select, button[type=submit]').focus();
        },
      }, t('services.do.activate')));
    } else if (hub.tile === 'ACTIVE') {
      steps.append(step(hub, 'deactivate', 'services.confirmDeactivate', 'services.deactivated'),
        step(hub, 'stop', 'services.confirmStop', 'services.stopped', 'danger'));
    } else {
      steps.append(step(hub, 'resume', 'services.confirmResume', 'services.resumed'),
        step(hub, 'stop', 'services.confirmStop', 'services.stopped', 'danger'));
    }
    return box;
  }

  function activation(hub) {
    const fields = [{
      name: 'packageId', label: t('services.package'), required: true,
      options: packages.map((p) => [p.id, `${p.name} (${money(p.monthlyPrice, p.currency)})`]),
      value: packages.length === 1 ? packages[0].id : '',
    }];
    if (resellers) {
      fields.push({
        name: 'resellerId', label: t('services.reseller'), required: true,
        options: resellers.map((c) => [c.to, names.name(c.to)]),
        value: resellers.length === 1 ? resellers[0].to : '', hint: t('services.resellerHint'),
      });
    }
    const el = form(fields, t('services.activateSubmit'), async (v) => {
      if (!(await confirmStep(t('services.confirmActivate', { serial: hub.serial })))) return;
      await post('/subscriptions', { hubId: hub.id, packageId: v.packageId || null, resellerId: v.resellerId || null });
      await next(true);
      flash(t('services.activated', { serial: hub.serial }));
    }, { id: `activate-${hub.id}` });
    el.classList.add('activate');
    el.querySelector('.actions').append(h('button', { type: 'button', class: 'secondary', onclick: () => el.remove() },
      t('common.cancel')));
    if (!resellers || resellers.length === 0) {
      el.prepend(h('p', {}, t('services.noResellers'), ' ', h('a', { href: '/services/resellers' },
        t('services.connectReseller'))));
    }
    return el;
  }

  more.addEventListener('click', () => next(false));
  el.reload = () => next(true);
  next(true);
  return el;
}

// --- becoming a seller ----------------------------------------------------------------------------------------

async function seller() {
  const o = org();
  if (o.sellerSince) {
    return page(t('services.sellerSettings'), section(t('services.sellerSettings'),
      h('p', {}, t('services.sellerSince', { date: day(o.sellerSince) })),
      h('p', {}, h('a', { href: '/services/resellers' }, t('services.yourResellers')), ' · ',
        h('a', { href: '/sites' }, t('services.sites')))));
  }
  return page(t('services.sellerSettings'), section(t('services.becomeSeller'),
    h('p', {}, t('services.sellerHelp')),
    form([
      { name: 'legalName', label: t('services.legalName'), required: true, value: o.name },
      { name: 'country', label: t('services.country'), required: true, value: o.country,
        hint: t('services.countryHint') },
      { name: 'taxId', label: t('services.taxId'), required: true, value: o.taxId },
      { name: 'address', label: t('services.address'), required: true, value: o.address },
      { name: 'email', label: t('common.email'), type: 'email', required: true, value: o.email },
      { name: 'phone', label: t('services.phone'), type: 'tel', required: true, value: o.phone,
        hint: t('services.phoneHint') },
    ], t('services.registerSeller'), async (v) => {
      const answer = await post(`/orgs/${encodeURIComponent(o.id)}/seller`, v);
      context.me.organization = answer;
      navigate('/services/resellers');
      flash(t('services.sellerRegistered'));
    }, { id: 'seller' })));
}

// --- reseller connections --------------------------------------------------------------------------------------

async function resellers(params) {
  const names = await orgNames();
  const state = params.query.get('state') || '';
  const parts = [];
  if (isCompany() && !isSeller()) {
    return page(t('services.resellers'), sellerHint());
  }
  const stateSelect = h('select', { id: 'connections-state', name: 'state' },
    h('option', { value: '' }, t('common.all')),
    options('services.connection', CONNECTION_STATES)
      .map(([v, text]) => h('option', { value: v, selected: v === state }, text)));
  const filter = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'connections-state' }, t('common.status')), stateSelect),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('common.filter'))));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/services/resellers${query({ state: stateSelect.value })}`);
  });
  const decide = (c, path, confirmText, doneText, kind) => action(t(`services.do.${path}`), async () => {
    await post(`/connections/${encodeURIComponent(c.id)}/${path}`);
    done(t(doneText, { name: names.name(c.from) }));
  }, { kind, confirm: t(confirmText, { name: names.name(c.from) }) });
  const table = pagedTable([
    [t('services.seller'), (c) => names.name(c.from)],
    [t('services.reseller'), (c) => names.name(c.to)],
    [t('common.status'), (c) => badge('services.connection', c.state)],
    [t('services.requestedAt'), (c) => when(c.createdAt)],
    [t('services.decidedAt'), (c) => (c.reason ? [when(c.decidedAt), h('br'), c.reason] : when(c.decidedAt))],
    [t('common.actions'), (c) => (c.state === 'PENDING' && c.to === org().id && hasRole('ADMIN')
      ? h('div', { class: 'actions' }, decide(c, 'approve', 'services.confirmApprove', 'services.approved', 'primary'),
        decide(c, 'reject', 'services.confirmReject', 'services.rejected', 'danger'))
      : '')],
  ], async (cursor) => {
    const answer = await get(`/connections${query({ kind: 'SELLER_TO_RESELLER', state, cursor })}`);
    await names.load(answer.items.flatMap((c) => [c.from, c.to]));
    return answer;
  }, { empty: t('services.noConnections') });
  parts.push(section(t('services.connections'), filter, table));
  if (isSeller() && hasRole('ADMIN', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER')) {
    parts.unshift(findReseller(params));
  }
  return page(t('services.resellers'), ...parts);
}

/** Finding a reseller by country or by its e-mail, sending it the request, or inviting it by e-mail. */
function findReseller(params) {
  const results = h('div', {});
  const show = (items) => {
    if (!items.length) {
      results.replaceChildren(h('p', { class: 'empty' }, t('services.noResellersFound')));
      return;
    }
    results.replaceChildren(h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('common.name'), t('services.city'), t('common.email'), t('common.actions')]
        .map((head) => h('th', { scope: 'col' }, head)))),
      h('tbody', {}, items.map((r) => h('tr', {},
        h('td', { 'data-label': t('common.name') }, r.name),
        h('td', { 'data-label': t('services.city') }, [r.city, r.country].filter(Boolean).join(', ') || '—'),
        h('td', { 'data-label': t('common.email') }, r.email || '—'),
        h('td', { 'data-label': t('common.actions') }, action(t('services.sendRequest'), async () => {
          await post('/connections', { fromOrgId: org().id, toOrgId: r.id, kind: 'SELLER_TO_RESELLER' });
          done(t('services.requestSent', { name: r.name }));
        }, { kind: 'primary', confirm: t('services.confirmRequest', { name: r.name }) }))))))));
  };
  const search = form([
    { name: 'country', label: t('services.country'), value: params.query.get('country') || org().country || '',
      hint: t('services.countryHint') },
    { name: 'email', label: t('services.resellerEmail'), type: 'email' },
  ], t('common.search'), async (v) => {
    const answer = await get(`/resellers${v.email ? query({ email: v.email }) : query({ country: v.country })}`);
    show(answer.items);
  }, { id: 'reseller-search' });
  const invite = form([
    { name: 'email', label: t('services.inviteEmail'), type: 'email', required: true },
  ], t('services.invite'), async (v) => {
    await post('/resellers/invite', { email: v.email });
    document.getElementById('reseller-invite-email').value = '';
    flash(t('services.invited', { email: v.email }));
  }, { id: 'reseller-invite' });
  return section(t('services.addReseller'), h('p', {}, t('services.addResellerHelp')), search, results,
    h('details', {}, h('summary', {}, t('services.inviteTitle')), invite));
}

// --- statements ------------------------------------------------------------------------------------------------

function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: org().timezone || undefined, year: 'numeric',
    month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}

async function statements(params) {
  const names = await orgNames();
  const own = org().kind === 'PARTNER';
  const resellerId = own ? org().id : params.query.get('resellerId') || '';
  const month = params.query.get('month') || thisMonth();
  let partners = [];
  if (!own) {
    try {
      partners = await all('/partners');
    } catch (e) {
      flash(message(e), 'error');
    }
  }
  const resellerField = own ? null : h('div', { class: 'field' },
    h('label', { for: 'statement-reseller' }, t('services.reseller')),
    h('select', { id: 'statement-reseller', name: 'resellerId' }, h('option', { value: '' }, '—'),
      partners.map((p) => h('option', { value: p.id, selected: p.id === resellerId }, p.name))));
  const monthInput = h('input', { id: 'statement-month', name: 'month', type: 'month', value: month, required: true });
  const filter = h('form', { class: 'filters', role: 'search' }, resellerField,
    h('div', { class: 'field' }, h('label', { for: 'statement-month' }, t('services.month')), monthInput),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('services.show'))));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = own ? null : document.getElementById('statement-reseller').value;
    navigate(`/services/statements${query({ resellerId: chosen, month: monthInput.value })}`);
  });
  if (!resellerId) {
    return page(t('services.statements'), section(t('services.statements'), filter,
      h('p', { class: 'empty' }, t('services.chooseReseller'))));
  }
  const table = pagedTable([
    [t('services.hubSerial'), (l) => l.hubSerial],
    [t('services.packageCode'), (l) => l.packageCode],
    [t('services.seller'), (l) => names.name(l.sellerId)],
    [t('common.status'), (l) => badge('services.state', l.state)],
    [t('services.since'), (l) => when(l.startedAt)],
    [t('services.endsAt'), (l) => when(l.endedAt || l.endsAt)],
    [t('services.daysActive'), (l) => t('services.days', { days: l.daysActive, of: l.daysInMonth })],
  ], async (cursor) => {
    const answer = await get(`/statements${query({ resellerId, month, cursor })}`);
    await names.load(answer.items.map((l) => l.sellerId));
    return answer;
  }, { empty: t('services.noLines') });
  const download = action(t('services.downloadCsv'), async () => {
    const response = await api('GET', `/statements${query({ resellerId, month, format: 'csv' })}`, undefined,
      { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `statement-${month}.csv`, class: 'visually-hidden' }, 'CSV');
    document.body.append(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      link.remove();
    }, 5000);
  }, { kind: 'primary' });
  const monthName = new Intl.DateTimeFormat(language(), { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${month}-15T12:00:00Z`));
  return page(t('services.statements'), section(
    t('services.statementOf', { name: names.name(resellerId), month: monthName }), filter, table,
    h('div', { class: 'actions' }, download)));
}

// --- the package catalog ---------------------------------------------------------------------------------------

async function packages() {
  const table = pagedTable([
    [t('services.packageCode'), (p) => p.code],
    [t('common.name'), (p) => p.name],
    [t('services.monthlyPrice'), (p) => money(p.monthlyPrice, p.currency)],
    [t('services.requiresSim'), (p) => yesNo(p.requiresSim)],
    [t('common.created'), (p) => day(p.createdAt)],
  ], () => get('/packages'), { empty: t('services.noPackages') });
  const parts = [section(t('services.packages'), table)];
  if (org().kind === 'OPERATOR' && hasRole('ADMIN')) {
    parts.push(section(t('services.newPackage'), form([
      { name: 'code', label: t('services.packageCode'), required: true },
      { name: 'name', label: t('common.name'), required: true },
      { name: 'monthlyPrice', label: t('services.monthlyPrice'), type: 'number', required: true, min: 0,
        step: '0.01' },
      { name: 'currency', label: t('services.currency'), required: true, value: 'PLN',
        hint: t('services.currencyHint') },
      { name: 'requiresSim', label: t('services.requiresSim'), type: 'checkbox' },
    ], t('services.newPackage'), async (v) => {
      const price = Number(v.monthlyPrice);
      await post('/packages', {
        code: v.code, name: v.name, currency: v.currency.toUpperCase(), requiresSim: v.requiresSim,
        monthlyPrice: v.monthlyPrice === '' || Number.isNaN(price) ? null : Math.round(price * 100),
      });
      done(t('services.packageAdded', { code: v.code }));
    }, { id: 'package-new' })));
  }
  return page(t('services.packages'), ...parts);
}

export const routes = [
  { path: '/sites', title: 'services.sites', menu: 'services.menuSites', who: { kinds: ['COMPANY', 'PARTNER'] },
    render: sites },
  { path: '/sites/:id', title: 'services.site', who: { kinds: ['COMPANY', 'PARTNER'] }, render: site },
  { path: '/services/resellers', title: 'services.resellers', menu: 'services.menuResellers',
    who: { kinds: ['COMPANY', 'PARTNER'], roles: ['OWNER', ...VIEWERS] }, render: resellers },
  { path: '/services/statements', title: 'services.statements', menu: 'services.menuStatements',
    who: { kinds: ['PARTNER', 'OPERATOR'], roles: VIEWERS }, render: statements },
  { path: '/services/packages', title: 'services.packages', menu: 'services.menuPackages', render: packages },
  { path: '/services/seller', title: 'services.sellerSettings', menu: 'services.menuSeller',
    who: { kinds: ['COMPANY'], roles: ['OWNER'] }, render: seller },
];
