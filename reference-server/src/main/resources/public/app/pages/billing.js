// The billing (LANBilling): the platform profiles the sync keeps, each address with what its account allows and
// the intercom features that gives; a profile's card; where the sync stands, and running it now. The operator's
// staff only.

import { get, post, query } from '../api.js';
import { t } from '../i18n.js';
import { action, flash, form, h, label, message, page, pagedTable, section, when } from '../ui.js';
import { navigate } from '../main.js';

const STAFF = { kinds: ['OPERATOR'], roles: ['ADMIN', 'MANAGER', 'ENGINEER'] };
/** The colour of an access state, in the badge colours of the stylesheet. */
const TONE = { FULL: 'ACTIVE', DOOR_KEY_ONLY: 'PENDING', REMOVED: 'ENDED' };

function stateBadge(state) {
  return h('span', { class: `badge ${state} ${TONE[state] || ''}` }, label('billing.state', state));
}

function features(list) {
  if (!list.length) return h('span', { class: 'empty' }, t('billing.noFeatures'));
  return h('ul', { class: 'features' }, list.map((f) => h('li', {}, label('billing.feature', f))));
}

function profileLink(login) {
  return h('a', { href: `/billing/profiles/${encodeURIComponent(login)}` }, login);
}

/** Where the sync stands, and (for the administrator) the button that runs a pass now. */
async function status(me) {
  let facts;
  try {
    const at = await get('/billing/status');
    facts = h('dl', { class: 'facts' },
      h('dt', {}, t('billing.pass')), h('dd', {},
        at.midPass ? t('billing.passUnderWay', { pass: at.pass }) : t('billing.passWaiting', { pass: at.pass })),
      h('dt', {}, t('billing.lastCompleted')), h('dd', { id: 'last-sync' },
        at.lastCompletedAt ? when(at.lastCompletedAt) : t('billing.never')));
  } catch (error) {
    facts = h('p', { class: 'form-error' }, message(error));
  }
  const sync = me.member.roles.includes('ADMIN') ? h('p', { class: 'actions' }, action(t('billing.syncNow'),
    async () => {
      const report = await post('/billing/sync');
      navigate(location.pathname + location.search, { replace: true });
      const done = t('billing.synced', { pass: report.pass, accounts: report.accounts, changes: report.changes });
      if (report.refused.length) {
        flash(`${done} ${t('billing.refused', { accounts: report.refused.join('; ') })}`, 'error');
      } else {
        flash(done);
      }
    }, { kind: 'primary' })) : null;
  return section(t('billing.sync'), h('p', {}, h('small', {}, t('billing.syncHelp'))), facts, sync);
}

async function profiles(params, { me }) {
  const q = params.query.get('q') || '';
  const search = form([
    { name: 'q', label: t('billing.login'), type: 'search', value: q },
  ], t('common.search'), async (v) => {
    navigate(`/billing${query({ q: v.q })}`);
  }, { id: 'profiles-search' });
  search.classList.add('filters');

  const table = pagedTable([
    [t('billing.login'), (p) => profileLink(p.login)],
    [t('billing.addresses'), (p) => h('ul', { class: 'addresses' }, p.addresses.map((a) => h('li', {},
      h('div', {}, a.address, ' ', stateBadge(a.accessState)), features(a.features))))],
  ], (cursor) => get(`/profiles${query({ q, cursor })}`), {
    empty: q ? t('billing.noMatch') : t('billing.noProfiles'),
  });

  return page(t('billing.profiles'),
    await status(me),
    section(t('common.search'), search),
    section(t('billing.profiles'), h('p', {}, h('small', {}, t('billing.profilesHelp'))), table));
}

async function profile(params) {
  const back = h('p', {}, h('a', { href: '/billing' }, t('billing.allProfiles')));
  let found;
  try {
    found = await get(`/profiles/${encodeURIComponent(params.login)}`);
  } catch (error) {
    return page(t('billing.profile'), h('p', { class: 'form-error' }, message(error)), back);
  }
  return page(t('billing.profileOf', { login: found.login }),
    section(t('billing.profile'), h('dl', { class: 'facts' },
      h('dt', {}, t('billing.login')), h('dd', {}, found.login),
      h('dt', {}, t('billing.addressCount')), h('dd', {}, String(found.addresses.length)))),
    section(t('billing.addresses'), pagedTable([
      [t('billing.address'), (a) => a.address],
      [t('billing.account'), (a) => a.accountId],
      [t('billing.access'), (a) => stateBadge(a.accessState)],
      [t('billing.features'), (a) => features(a.features)],
    ], async () => ({ items: found.addresses, nextCursor: null }), { empty: t('billing.noAddresses') })),
    back);
}

export const routes = [
  { path: '/billing', title: 'billing.profiles', menu: 'billing.menu', who: STAFF, render: profiles },
  { path: '/billing/profiles/:login', title: 'billing.profile', who: STAFF, render: profile },
];
