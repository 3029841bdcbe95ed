// The portal: a page per path (the links in e-mails land on real paths), chosen by the routes each area's module
// exports; a menu of the pages the signed-in member's organization and roles may use.

import { get, session, whenSignedOut } from './api.js';
import { load, preferred, t, translateShell } from './i18n.js';
import { clearFlash, h, setZone } from './ui.js';
import * as auth from './pages/auth.js';
import * as pools from './pages/pools.js';
import * as channel from './pages/channel.js';
import * as licenses from './pages/licenses.js';
import * as services from './pages/services.js';
import * as devices from './pages/devices.js';
import * as billing from './pages/billing.js';

const MODULES = [auth, pools, channel, licenses, services, devices, billing];
const ROUTES = MODULES.flatMap((m) => m.routes);

/** Who is signed in: {member, organization}, or null. */
export const context = { me: null };

function match(path) {
  for (const route of ROUTES) {
    const names = [];
    const pattern = new RegExp(`^${route.path.replace(/:(\w+)/g, (m, n) => { names.push(n); return '([^/]+)'; })}$`);
    const found = pattern.exec(path);
    if (found) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])]));
      return { route, params };
    }
  }
  return null;
}

/** Whether the signed-in member may see a route (its organization's kind and the member's roles). */
function allowed(route) {
  if (!route.who) return true;
  const me = context.me;
  if (!me) return false;
  const kindOk = !route.who.kinds || route.who.kinds.includes(me.organization.kind);
  const roleOk = !route.who.roles || route.who.roles.some((r) => me.member.roles.includes(r));
  return kindOk && roleOk;
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

async function whoAmI() {
  if (!session.token()) {
    context.me = null;
    return;
  }
  try {
    const member = await get('/me');
    const card = await get(`/orgs/${member.organizationId}`);
    context.me = { member, organization: card.organization };
    setZone(card.organization.timezone);
  } catch (e) {
    context.me = null;
  }
}

function menu() {
  const nav = document.getElementById('nav');
  const items = ROUTES.filter((r) => r.menu && allowed(r) && (r.public || context.me));
  nav.replaceChildren(h('ul', {}, items.map((r) => h('li', {},
    h('a', { href: r.path, 'aria-current': location.pathname === r.path ? 'page' : null }, t(r.menu))))));
  const who = document.getElementById('who');
  who.replaceChildren(context.me
    ? h('span', {}, h('a', { href: '/profile' }, context.me.member.fullName), ' ',
      h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: auth.signOut }, t('nav.signOut')))
    : h('a', { href: '/login' }, t('nav.signIn')));
}

export async function render() {
  clearFlash();
  const view = document.getElementById('view');
  let found = match(location.pathname);
  if (location.pathname === '/' || !found) {
    const first = ROUTES.find((r) => r.menu && !r.public && allowed(r));
    if (context.me && first && location.pathname === '/') {
      history.replaceState(null, '', first.path);
      found = match(first.path);
    } else if (!found) {
      found = match(context.me ? '/not-found' : '/login');
    }
  }
  if (!found.route.public && !context.me) {
    history.replaceState(null, '', `/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    found = match('/login');
  } else if (!allowed(found.route)) {
    found = match('/not-found');
  }
  menu();
  const params = { ...found.params, query: new URLSearchParams(location.search) };
  try {
    const nodes = await found.route.render(params, context);
    view.replaceChildren(...[].concat(nodes).filter((n) => n !== null && n !== undefined && n !== false));
    document.title = `${t(found.route.title)} · Latchkey`;
  } catch (error) {
    console.error(error);
    view.replaceChildren(h('p', { class: 'form-error' }, t('error.UNKNOWN')));
  }
  view.focus({ preventScroll: true });
}

/** Signs in: keeps the token, learns who the member is, and goes on. */
export async function signedIn(token, next) {
  session.set(token);
  await whoAmI();
  // The member's own language, unless this browser was told another one.
  if (context.me && context.me.member.language && !localStorage.getItem('latchkey.language')) {
    await load(context.me.member.language, false);
    document.getElementById('language').value = context.me.member.language;
    translateShell();
  }
  navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
}

export async function signedOut() {
  session.clear();
  context.me = null;
  navigate('/login', { replace: true });
}

async function start() {
  await load(preferred());
  const select = document.getElementById('language');
  select.value = preferred();
  select.addEventListener('change', async () => {
    await load(select.value, true);
    translateShell();
    render();
  });
  translateShell();
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (link && link.origin === location.origin && !link.target && !link.hasAttribute('download')
        && !link.pathname.startsWith('/api/') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      document.getElementById('nav').classList.remove('open');
      navigate(link.pathname + link.search);
    }
  });
  const toggle = document.querySelector('.menu-toggle');
  toggle.addEventListener('click', () => {
    const open = document.getElementById('nav').classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('popstate', render);
  whenSignedOut(() => { context.me = null; navigate('/login', { replace: true }); });
  await whoAmI();
  await render();
}

start();
