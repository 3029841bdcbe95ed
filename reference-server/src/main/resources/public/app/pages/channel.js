// The channel (MyPOS partners and companies, Ajax connections): the licensor's partners and new partners, the
// companies a partner serves and the licensor's "companies of other partners", a partner registering a company,
// an organization's card (requisites, firms, trade objects, members, masked licenses), one's own organization
// with its members and roles, and connection requests with their approval.

import { get, patch, post, query } from '../api.js';
import { t } from '../i18n.js';
import {
  action, back, badge, factList, filterBar, flash, form, h, label, options, orgNames, pagedTable, section, tabs,
  view, when,
} from '../ui.js';
import { navigate } from '../main.js';

const STAFF = ['ADMIN', 'MANAGER'];
const AGREEMENT = '2026-11';
const LANGUAGES = [['ru', 'Русский'], ['en', 'English'], ['pl', 'Polski']];
const ZONES = ['Europe/Moscow', 'Europe/Warsaw', 'Europe/London', 'Europe/Berlin', 'Europe/Kyiv', 'Europe/Minsk',
  'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok', 'UTC'];
const ROLES = {
  OPERATOR: ['ADMIN', 'MANAGER', 'ENGINEER'],
  PARTNER: ['ADMIN', 'MANAGER'],
  COMPANY: ['ADMIN', 'MANAGER', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER', 'INSTALLER'],
};
const CONNECTION_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ENDED'];
const CONNECTION_KINDS = ['COMPANY_TO_PARTNER', 'SELLER_TO_RESELLER'];

const isAdmin = (me) => me.member.roles.includes('ADMIN');
const link = (org) => h('a', { href: `/orgs/${encodeURIComponent(org.id)}` }, org.name);
const hidden = (id) => t('channel.hiddenOrg', { id });
const place = (o) => [o.city, o.address].filter(Boolean).join(', ');

/** A section's form behind a button, opened on demand (and closed again). */
function reveal(text, build) {
  const box = h('div', { id: `box-${Math.random().toString(36).slice(2)}` });
  const button = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': box.id });
  button.textContent = text;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    box.replaceChildren(...(open ? [].concat(build(() => button.click())) : []));
    if (open) box.querySelector('input, select, textarea')?.focus();
  });
  return h('div', {}, h('div', { class: 'actions' }, button), box);
}

/** A form in a modal dialog; it closes once the step succeeds. */
function dialogForm(title, fields, submitText, onSubmit) {
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'dialog-title' });
  const el = form(fields, submitText, async (values) => {
    await onSubmit(values);
    dialog.close();
  }, { id: 'dialog' });
  dialog.append(h('h2', { id: 'dialog-title' }, title), el, h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('common.cancel'))));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

const zoneOptions = (current) => [...new Set([current, ...ZONES].filter(Boolean))].map((z) => [z, z]);

// --- partners (the licensor's) ----------------------------------------------------------------------------

function partners(params, { me }) {
  let q = params.query.get('q') || '';
  const table = pagedTable([
    [t('common.name'), (o) => link(o)],
    [t('channel.taxId'), (o) => o.taxId || '—'],
    [t('channel.address'), (o) => place(o) || '—'],
    [t('channel.country'), (o) => o.country || '—'],
    [t('channel.licensesHeld'), (o) => (o.licenses ?? '—')],
    [t('common.actions'), (o) => h('a', { href: `/orgs/${encodeURIComponent(o.id)}` }, t('common.details'))],
  ], (cursor) => get(`/orgs${query({ kind: 'PARTNER', q, cursor })}`), { empty: t('channel.noPartners') });
  const filters = filterBar([{ name: 'q', label: t('channel.search'), value: q }], (v) => {
    q = v.q;
    table.reload();
  });
  return view(t('channel.partners'), section(t('channel.partners'),
    isAdmin(me) ? h('p', { class: 'actions' }, h('a', { href: '/partners/new' }, t('channel.newPartner'))) : null,
    h('p', {}, h('small', {}, t('channel.searchHint'))), filters, table));
}

function newPartner() {
  return view(t('channel.newPartner'), back('/partners', t('channel.backToPartners')),
    section(t('channel.newPartner'), form([
      { name: 'name', label: t('channel.partnerName'), required: true },
      { name: 'country', label: t('channel.countryCode'), required: true, value: 'RU' },
      { name: 'taxId', label: t('channel.taxId'), required: true },
      { name: 'address', label: t('channel.address') },
      { name: 'city', label: t('channel.city') },
      { name: 'director', label: t('channel.director') },
      { name: 'phone', label: t('channel.phone'), type: 'tel', hint: t('channel.phoneHint') },
      { name: 'orgEmail', label: t('channel.orgEmail'), type: 'email' },
      { name: 'timezone', label: t('channel.timezone'), required: true, options: zoneOptions('Europe/Moscow'),
        value: 'Europe/Moscow' },
      { name: 'language', label: t('channel.language'), required: true, options: LANGUAGES, value: 'ru' },
      { name: 'fullName', label: t('channel.adminName'), required: true, autocomplete: 'off' },
      { name: 'email', label: t('channel.adminEmail'), type: 'email', required: true, autocomplete: 'off',
        hint: t('channel.adminHint') },
    ], t('common.create'), async (v) => {
      const made = await post('/orgs', {
        kind: 'PARTNER', name: v.name, country: v.country || null, taxId: v.taxId, address: v.address || null,
        city: v.city || null, director: v.director || null, phone: v.phone || null, email: v.orgEmail || null,
        timezone: v.timezone, language: v.language, admin: { email: v.email, fullName: v.fullName },
      });
      navigate(`/orgs/${encodeURIComponent(made.id)}`);
      flash(t('channel.partnerCreated', { name: made.name, email: v.email }));
    }, { id: 'partner' })));
}

// --- companies --------------------------------------------------------------------------------------------

function companyTabs(me, current) {
  if (me.organization.kind !== 'OPERATOR') return null;
  return tabs([['/companies', t('channel.ourCompanies')], ['/companies/others', t('channel.otherCompanies')]],
    current);
}

function companies(params, { me }) {
  let q = params.query.get('q') || '';
  const table = pagedTable([
    [t('common.name'), (o) => link(o)],
    [t('channel.taxId'), (o) => o.taxId || '—'],
    [t('channel.address'), (o) => place(o) || '—'],
    [t('common.created'), (o) => when(o.createdAt)],
    [t('common.actions'), (o) => h('a', { href: `/orgs/${encodeURIComponent(o.id)}` }, t('common.details'))],
  ], (cursor) => get(`/orgs${query({ kind: 'COMPANY', q, cursor })}`), { empty: t('channel.noCompanies') });
  const filters = filterBar([{ name: 'q', label: t('channel.search'), value: q }], (v) => {
    q = v.q;
    table.reload();
  });
  const mayCreate = me.organization.kind === 'PARTNER' && isAdmin(me);
  return view(t('channel.companies'), companyTabs(me, '/companies'), section(t('channel.companies'),
    mayCreate ? h('p', { class: 'actions' }, h('a', { href: '/companies/new' }, t('channel.newCompany'))) : null,
    h('p', {}, h('small', {}, t('channel.companiesHelp'))), filters, table));
}

function otherCompanies(params, { me }) {
  let q = params.query.get('q') || '';
  const orgName = orgNames(hidden);
  const table = pagedTable([
    [t('common.name'), (o) => link(o)],
    [t('channel.taxId'), (o) => o.taxId || '—'],
    [t('channel.partner'), (o) => (o.parentId ? orgName(o.parentId) : '—')],
    [t('channel.firms'), (o) => String(o.firms ?? '—')],
    [t('channel.sites'), (o) => String(o.sites ?? '—')],
    [t('channel.licenses'), (o) => String(o.licenses ?? '—')],
  ], (cursor) => get(`/orgs${query({ scope: 'others', q, cursor })}`), { empty: t('channel.noCompanies') });
  const filters = filterBar([{ name: 'q', label: t('channel.search'), value: q }], (v) => {
    q = v.q;
    table.reload();
  });
  return view(t('channel.otherCompanies'), companyTabs(me, '/companies/others'),
    section(t('channel.otherCompanies'), filters, table));
}

function newCompany(params, { me }) {
  const org = me.organization;
  return view(t('channel.newCompany'), back('/companies', t('channel.backToCompanies')),
    section(t('channel.newCompany'), h('p', {}, t('channel.newCompanyHelp')), form([
      { name: 'name', label: t('channel.companyName'), required: true },
      { name: 'taxId', label: t('channel.firmTaxId'), required: true },
      { name: 'country', label: t('channel.countryCode'), value: org.country || '' },
      { name: 'siteName', label: t('channel.siteName'), hint: t('channel.siteNameHint') },
      { name: 'address', label: t('channel.siteAddress') },
      { name: 'timezone', label: t('channel.timezone'), required: true, options: zoneOptions(org.timezone),
        value: org.timezone },
      { name: 'language', label: t('channel.language'), required: true, options: LANGUAGES, value: org.language },
      { name: 'fullName', label: t('channel.ownerName'), required: true, autocomplete: 'off' },
      { name: 'email', label: t('channel.ownerEmail'), type: 'email', required: true, autocomplete: 'off',
        hint: t('channel.ownerHint') },
      { name: 'agreement', label: t('channel.agreement'), type: 'checkbox' },
    ], t('common.create'), async (v) => {
      const made = await post('/orgs', {
        kind: 'COMPANY', name: v.name, taxId: v.taxId, country: v.country || null, address: v.address || null,
        timezone: v.timezone, language: v.language, admin: { email: v.email, fullName: v.fullName },
        site: { name: v.siteName || v.name, address: v.address || null },
        agreement: { version: AGREEMENT, accepted: v.agreement },
      });
      navigate('/companies');
      flash(t('channel.companyCreated', { name: made.name, email: v.email }));
    }, { id: 'company' })));
}

// --- an organization's card -------------------------------------------------------------------------------

function requisites(org, parentName) {
  const facts = [
    [t('channel.kind'), label('channel.kind', org.kind)],
    [t('channel.taxId'), org.taxId],
    [t('channel.country'), org.country],
    [t('channel.address'), place(org)],
    [t('channel.director'), org.director],
    [t('channel.phone'), org.phone],
    [t('channel.orgEmail'), org.email],
    [t('channel.timezone'), org.timezone],
    [t('channel.language'), label('channel.lang', org.language)],
    [t('channel.parent'), org.parentId ? parentName(org.parentId) : null],
    [t('channel.sellerSince'), org.sellerSince ? when(org.sellerSince) : null],
    [t('common.created'), when(org.createdAt)],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  return section(t('channel.requisites'), factList(facts, { id: 'requisites' }));
}

function firmFields(firm) {
  return [
    { name: 'name', label: t('channel.firmName'), required: true, value: firm?.name },
    { name: 'taxId', label: t('channel.taxId'), required: true, value: firm?.taxId },
    { name: 'address', label: t('channel.address'), value: firm?.address },
    { name: 'director', label: t('channel.director'), value: firm?.director },
  ];
}

const firmBody = (v) => ({ name: v.name, taxId: v.taxId, address: v.address || null, director: v.director || null });

function firms(org, editable) {
  let table = null;
  table = pagedTable([
    [t('channel.firmName'), (f) => f.name],
    [t('channel.taxId'), (f) => f.taxId || '—'],
    [t('channel.address'), (f) => f.address || '—'],
    [t('channel.director'), (f) => f.director || '—'],
    editable ? [t('common.actions'), (f) => action(t('common.edit'), () => dialogForm(t('channel.editFirm'),
      firmFields(f), t('common.save'), async (v) => {
        await patch(`/firms/${encodeURIComponent(f.id)}`, firmBody(v));
        flash(t('common.saved'));
        table.reload();
      }))] : null,
  ].filter(Boolean), (cursor) => get(`/firms${query({ companyId: org.id, cursor })}`), { empty: t('channel.noFirms') });
  return section(t('channel.firms'), table, editable ? reveal(t('channel.addFirm'), (close) => form(firmFields(),
    t('common.add'), async (v) => {
      await post(`/firms${query({ companyId: org.id })}`, firmBody(v));
      flash(t('channel.firmAdded', { name: v.name }));
      close();
      table.reload();
    }, { id: 'firm' })) : null);
}

function sites(org, editable) {
  let table = null;
  table = pagedTable([
    [t('channel.siteName'), (s) => s.name],
    [t('channel.address'), (s) => s.address || '—'],
    [t('common.created'), (s) => when(s.createdAt)],
  ], (cursor) => get(`/sites${query({ organizationId: org.id, cursor })}`), { empty: t('channel.noSites') });
  return section(t('channel.sites'), table, editable ? reveal(t('channel.addSite'), (close) => form([
    { name: 'name', label: t('channel.siteName'), required: true },
    { name: 'address', label: t('channel.address') },
  ], t('common.add'), async (v) => {
    await post(`/sites${query({ organizationId: org.id })}`, { name: v.name, address: v.address || null });
    flash(t('channel.siteAdded', { name: v.name }));
    close();
    table.reload();
  }, { id: 'site' })) : null);
}

function members(org, me, manageable) {
  const roles = ROLES[org.kind] || ROLES.COMPANY;
  let table = null;
  const change = async (m, body, text) => {
    await patch(`/orgs/${encodeURIComponent(org.id)}/members/${encodeURIComponent(m.id)}`, body);
    flash(text);
    table.reload();
  };
  const memberActions = (m) => {
    if (m.roles.includes('OWNER')) return h('small', {}, t('channel.ownerFixed'));
    if (m.id === me.member.id) return h('a', { href: '/profile' }, t('channel.ownProfile'));
    return h('div', { class: 'actions' },
      action(t('common.edit'), () => dialogForm(t('channel.editMember', { name: m.fullName }), [
        { name: 'fullName', label: t('channel.fullName'), required: true, value: m.fullName },
        // An address is corrected while the invitation waits (a mistyped one never arrives).
        m.status === 'INVITED' ? { name: 'email', label: t('common.email'), type: 'email', required: true,
          value: m.email, hint: t('channel.emailHint') } : null,
      ].filter(Boolean), t('common.save'), (v) => change(m, {
        fullName: v.fullName !== m.fullName ? v.fullName : undefined,
        email: v.email && v.email !== m.email ? v.email : undefined,
      }, t('common.saved')))),
      action(t('channel.changeRole'), () => dialogForm(t('channel.changeRoleOf', { name: m.fullName }), [
        { name: 'role', label: t('channel.role'), required: true, options: options('channel.role', roles),
          value: roles.find((r) => m.roles.includes(r)) },
      ], t('common.save'), (v) => change(m, { role: v.role },
        t('channel.roleChanged', { name: m.fullName, role: label('channel.role', v.role) })))),
      m.status === 'DISABLED'
        ? action(t('channel.enable'), () => change(m, { status: 'ACTIVE' }, t('channel.enabled', { name: m.fullName })))
        : action(t('channel.disable'), () => change(m, { status: 'DISABLED' },
          t('channel.disabled', { name: m.fullName })),
        { kind: 'danger', confirm: t('channel.disableConfirm', { name: m.fullName, email: m.email }) }));
  };
  table = pagedTable([
    [t('channel.fullName'), (m) => (m.id === me.member.id ? `${m.fullName} (${t('channel.you')})` : m.fullName)],
    [t('common.email'), (m) => m.email],
    [t('channel.role'), (m) => m.roles.map((r) => label('channel.role', r)).join(', ')],
    [t('common.status'), (m) => badge('channel.memberStatus', m.status)],
    manageable ? [t('common.actions'), memberActions] : null,
  ].filter(Boolean), (cursor) => get(`/orgs/${encodeURIComponent(org.id)}/members${query({ cursor })}`),
  { empty: t('channel.noMembers') });
  return section(t('channel.members'), table, manageable ? reveal(t('channel.invite'), (close) => form([
    { name: 'email', label: t('common.email'), type: 'email', required: true, autocomplete: 'off' },
    { name: 'fullName', label: t('channel.fullName'), required: true, autocomplete: 'off' },
    { name: 'role', label: t('channel.role'), required: true, options: options('channel.role', roles),
      value: 'MANAGER' },
    { name: 'language', label: t('channel.language'), required: true, options: LANGUAGES, value: org.language },
  ], t('channel.sendInvitation'), async (v) => {
    await post(`/orgs/${encodeURIComponent(org.id)}/members`, v);
    flash(t('channel.invited', { email: v.email }));
    close();
    table.reload();
  }, { id: 'invite' })) : null);
}

function licenses(org) {
  const help = org.kind === 'COMPANY' ? h('p', {}, h('small', {}, t('channel.licensesHelp'))) : null;
  return section(t('channel.licenses'), help, pagedTable([
    [t('channel.code'), (l) => (l.code ? h('code', {}, l.code) : '—')],
    [t('common.status'), (l) => label('channel.licenseState', l.state)],
    [t('channel.activated'), (l) => (l.activated ? t('common.yes') : t('common.no'))],
    [t('channel.printed'), (l) => (l.printed ? t('common.yes') : t('common.no'))],
    [t('channel.sent'), (l) => (l.sent ? t('common.yes') : t('common.no'))],
  ], (cursor) => get(`/licenses${query({ holderId: org.id, cursor })}`), { empty: t('channel.noLicenses') }));
}

async function orgCard(id, me, title) {
  let card;
  try {
    card = await get(`/orgs/${encodeURIComponent(id)}`);
  } catch (error) {
    return view(t('channel.organization'), h('p', { class: 'form-error' }, t('error.ORGANIZATION_NOT_FOUND')),
      h('p', {}, h('a', { href: '/' }, t('common.home'))));
  }
  const org = card.organization;
  const own = org.id === me.organization.id;
  const admin = isAdmin(me);
  // Members: the organization's own administrators, and the operator's for a partner's people.
  const manageMembers = admin && (own || (me.organization.kind === 'OPERATOR' && org.kind === 'PARTNER'));
  const company = org.kind === 'COMPANY';
  const backLink = own ? null : company ? back('/companies', t('channel.backToCompanies'))
    : org.kind === 'PARTNER' && me.organization.kind === 'OPERATOR' ? back('/partners', t('channel.backToPartners'))
      : null;
  return view(title || org.name, backLink,
    requisites(org, orgNames(hidden)),
    company ? firms(org, admin) : null,
    company ? sites(org, admin) : null,
    members(org, me, manageMembers),
    licenses(org));
}

const card = (params, { me }) => orgCard(params.id, me);
const ownOrganization = (params, { me }) => orgCard(me.organization.id, me);

// --- connection requests ----------------------------------------------------------------------------------

function requestConnection(me, reload) {
  const org = me.organization;
  const kinds = org.sellerSince ? CONNECTION_KINDS : ['COMPANY_TO_PARTNER'];
  let q = '';
  let kind = kinds[0];
  const results = pagedTable([
    [t('common.name'), (p) => p.name],
    [t('channel.city'), (p) => p.city || '—'],
    [t('common.actions'), (p) => action(t('channel.ask'), async () => {
      await post('/connections', { fromOrgId: org.id, toOrgId: p.id, kind });
      reload();
      flash(t('channel.asked', { name: p.name }));
    }, { kind: 'primary' })],
  ], (cursor) => get(`/partners${query({ q, cursor })}`), { empty: t('channel.noPartnersFound') });
  const filters = filterBar([
    { name: 'q', label: t('channel.findPartner'), value: '' },
    kinds.length > 1 ? { name: 'kind', label: t('channel.connectionKind'), value: kind,
      options: options('channel.connectionKind', kinds) } : null,
  ].filter(Boolean), (v) => {
    q = v.q;
    kind = v.kind || kinds[0];
    results.reload();
  }, { prefix: 'partner', url: false });
  return section(t('channel.requestConnection'), h('p', {}, t('channel.requestHelp')), filters, results);
}

function connections(params, { me }) {
  const own = me.organization.id;
  const admin = isAdmin(me);
  const orgName = orgNames(hidden);
  const side = (id) => (id === own ? h('strong', {}, t('channel.us')) : orgName(id));
  let filter = { state: params.query.get('state') || '', kind: params.query.get('kind') || '' };
  const reload = () => navigate(location.pathname + location.search, { replace: true });
  const decide = (c, step, text) => async () => {
    await post(`/connections/${encodeURIComponent(c.id)}/${step}`);
    reload();
    flash(text);
  };
  const table = pagedTable([
    [t('common.created'), (c) => when(c.createdAt)],
    [t('channel.connectionKind'), (c) => label('channel.connectionKind', c.kind)],
    [t('channel.from'), (c) => side(c.from)],
    [t('channel.to'), (c) => side(c.to)],
    [t('common.status'), (c) => h('span', {}, badge('channel.state', c.state),
      c.decidedAt ? h('small', {}, ' ', when(c.decidedAt)) : null,
      c.reason ? h('small', {}, h('br'), t('channel.reason', { reason: c.reason })) : null)],
    [t('common.actions'), (c) => (c.to === own && c.state === 'PENDING' && admin ? h('div', { class: 'actions' },
      action(t('channel.approve'), decide(c, 'approve', t('channel.approved')), { kind: 'primary' }),
      action(t('channel.reject'), decide(c, 'reject', t('channel.rejected')),
        { kind: 'danger', confirm: t('channel.rejectConfirm') })) : '')],
  ], (cursor) => get(`/connections${query({ state: filter.state, kind: filter.kind, cursor })}`),
  { empty: t('channel.noConnections') });
  const filters = filterBar([
    { name: 'state', label: t('common.status'), options: options('channel.state', CONNECTION_STATES),
      value: filter.state },
    { name: 'kind', label: t('channel.connectionKind'), options: options('channel.connectionKind', CONNECTION_KINDS),
      value: filter.kind },
  ], (v) => {
    filter = v;
    table.reload();
  });
  const mayRequest = me.organization.kind === 'COMPANY'
    && me.member.roles.some((r) => ['ADMIN', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER'].includes(r));
  return view(t('channel.connections'),
    section(t('channel.connections'), h('p', {}, h('small', {}, t('channel.connectionsHelp'))), filters, table),
    mayRequest ? requestConnection(me, reload) : null);
}

export const routes = [
  { path: '/partners', title: 'channel.partners', menu: 'channel.partners', render: partners,
    who: { kinds: ['OPERATOR'], roles: STAFF } },
  { path: '/partners/new', title: 'channel.newPartner', render: newPartner,
    who: { kinds: ['OPERATOR'], roles: ['ADMIN'] } },
  { path: '/companies', title: 'channel.companies', menu: 'channel.companies', render: companies,
    who: { kinds: ['OPERATOR', 'PARTNER'], roles: STAFF } },
  { path: '/companies/others', title: 'channel.otherCompanies', render: otherCompanies,
    who: { kinds: ['OPERATOR'], roles: STAFF } },
  { path: '/companies/new', title: 'channel.newCompany', render: newCompany,
    who: { kinds: ['PARTNER'], roles: ['ADMIN'] } },
  { path: '/orgs/:id', title: 'channel.organization', render: card },
  { path: '/organization', title: 'channel.ourOrganization', menu: 'channel.ourOrganization', render: ownOrganization },
  { path: '/connections', title: 'channel.connections', menu: 'channel.connections', render: connections,
    who: { roles: ['ADMIN', 'MANAGER', 'SENIOR_SERVICE_MANAGER', 'SERVICE_MANAGER'] } },
];
