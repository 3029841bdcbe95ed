// Signing in and everything the e-mailed links open: confirming an invitation or a registration, resetting a
// password, confirming a new address, accepting an employment; self-registration; one's own profile.

import { get, patch, post } from '../api.js';
import { load, t, translateShell } from '../i18n.js';
import { flash, form, h, page, section } from '../ui.js';
import { context, navigate, signedIn, signedOut } from '../main.js';

const LANGUAGES = [['ru', 'Русский'], ['en', 'English'], ['pl', 'Polski']];

export async function signOut() {
  try {
    await post('/auth/logout');
  } finally {
    await signedOut();
  }
}

function login(params) {
  const next = params.query.get('next');
  return page(t('auth.signIn'),
    section(t('auth.signIn'), form([
      { name: 'email', label: t('auth.email'), type: 'email', required: true, autocomplete: 'username',
        value: params.query.get('email') },
      { name: 'password', label: t('auth.password'), type: 'password', required: true,
        autocomplete: 'current-password' },
    ], t('auth.signIn'), async (v) => {
      const answer = await post('/auth/login', { email: v.email, password: v.password });
      await signedIn(answer.token, next);
    }, { id: 'login' }),
    h('p', {}, h('a', { href: '/forgot-password' }, t('auth.forgot')), ' · ',
      h('a', { href: '/register' }, t('auth.registerCompany')))));
}

function forgot() {
  return page(t('auth.forgot'), section(t('auth.forgot'), form([
    { name: 'email', label: t('auth.email'), type: 'email', required: true, autocomplete: 'username' },
  ], t('auth.sendLink'), async (v) => {
    await post('/auth/password-reset', { email: v.email });
    flash(t('auth.linkSent'));
  }, { id: 'forgot' })));
}

function resetPassword(params) {
  const token = params.query.get('token');
  return page(t('auth.newPassword'), section(t('auth.newPassword'), form([
    { name: 'password', label: t('auth.newPassword'), type: 'password', required: true,
      autocomplete: 'new-password', hint: t('auth.passwordRule') },
  ], t('common.save'), async (v) => {
    await post('/auth/password-reset/confirm', { token, password: v.password });
    flash(t('auth.passwordSet'));
    navigate('/login', { replace: true });
  }, { id: 'reset' })));
}

function confirm(params) {
  const token = params.query.get('token');
  return page(t('auth.confirm'), section(t('auth.confirm'),
    h('p', {}, t('auth.confirmHelp')),
    form([
      { name: 'password', label: t('auth.newPassword'), type: 'password', autocomplete: 'new-password',
        hint: t('auth.confirmPasswordHint') },
    ], t('auth.confirm'), async (v) => {
      const member = await post('/auth/confirm', { token, password: v.password || null });
      flash(t('auth.confirmed'));
      navigate(`/login?email=${encodeURIComponent(member.email)}`, { replace: true });
    }, { id: 'confirm' })));
}

async function confirmEmail(params) {
  try {
    await post('/auth/confirm-email', { token: params.query.get('token') });
    return page(t('auth.emailConfirmed'), h('p', {}, h('a', { href: '/login' }, t('nav.signIn'))));
  } catch (error) {
    return page(t('auth.emailConfirmed'), h('p', { class: 'form-error' }, t(`error.${error.code}`)));
  }
}

function join(params) {
  const token = params.query.get('token');
  return page(t('auth.join'), section(t('auth.join'), form([], t('auth.accept'), async () => {
    await post('/auth/accept', { token });
    flash(t('auth.joined'));
    navigate('/', { replace: true });
  }, { id: 'join' })));
}

async function register(params) {
  const invitedBy = params.query.get('invitedBy') || params.query.get('partnerId');
  return page(t('auth.registerCompany'), section(t('auth.registerCompany'), form([
    { name: 'email', label: t('auth.email'), type: 'email', required: true, autocomplete: 'email' },
    { name: 'fullName', label: t('auth.fullName'), required: true, autocomplete: 'name' },
    { name: 'password', label: t('auth.password'), type: 'password', required: true,
      autocomplete: 'new-password', hint: t('auth.passwordRule') },
    { name: 'language', label: t('auth.language'), options: LANGUAGES, required: true,
      value: document.documentElement.lang },
    { name: 'company', label: t('auth.companyName'), required: true },
    { name: 'country', label: t('auth.country'), required: true, value: 'RU' },
    { name: 'timezone', label: t('auth.timezone'), value: Intl.DateTimeFormat().resolvedOptions().timeZone },
    { name: 'firm', label: t('auth.firmName'), required: true },
    { name: 'taxId', label: t('auth.taxId'), required: true },
    { name: 'address', label: t('auth.address') },
    { name: 'site', label: t('auth.siteName'), required: true },
    { name: 'agreement', label: t('auth.agreement'), type: 'checkbox' },
  ], t('auth.register'), async (v) => {
    await post('/register', {
      account: { email: v.email, fullName: v.fullName, password: v.password, language: v.language },
      company: { name: v.company, country: v.country, timezone: v.timezone || null },
      firm: { name: v.firm, taxId: v.taxId, address: v.address || null },
      site: { name: v.site, address: v.address || null },
      agreement: { version: '2026-11', accepted: v.agreement },
      partnerId: invitedBy || null,
    });
    flash(t('auth.registered'));
  }, { id: 'register' })));
}

async function profile() {
  const me = await get('/me');
  return page(t('auth.profile'),
    section(t('auth.profile'), h('p', {}, me.email), form([
      { name: 'fullName', label: t('auth.fullName'), required: true, value: me.fullName, autocomplete: 'name' },
      { name: 'phone', label: t('auth.phone'), type: 'tel', value: me.phone, autocomplete: 'tel' },
      { name: 'language', label: t('auth.language'), options: LANGUAGES, required: true, value: me.language },
    ], t('common.save'), async (v) => {
      const saved = await patch('/me', { fullName: v.fullName, phone: v.phone || null, language: v.language });
      context.me.member = saved;
      localStorage.setItem('latchkey.language', saved.language);
      await load(saved.language);
      document.getElementById('language').value = saved.language;
      translateShell();
      navigate('/profile', { replace: true });
      flash(t('common.saved'));
    }, { id: 'profile' })),
    section(t('auth.changePassword'), form([
      { name: 'oldPassword', label: t('auth.currentPassword'), type: 'password', required: true,
        autocomplete: 'current-password' },
      { name: 'newPassword', label: t('auth.newPassword'), type: 'password', required: true,
        autocomplete: 'new-password', hint: t('auth.passwordRule') },
      { name: 'newPasswordRepeat', label: t('auth.repeatPassword'), type: 'password', required: true,
        autocomplete: 'new-password' },
    ], t('auth.changePassword'), async (v) => {
      await post('/auth/password', v);
      await signedOut();
      flash(t('auth.passwordSet'));
    }, { id: 'password' })));
}

function notFound() {
  return page(t('common.notFound'), h('p', {}, h('a', { href: '/' }, t('common.home'))));
}

export const routes = [
  { path: '/login', title: 'auth.signIn', public: true, render: login },
  { path: '/forgot-password', title: 'auth.forgot', public: true, render: forgot },
  { path: '/reset-password', title: 'auth.newPassword', public: true, render: resetPassword },
  { path: '/confirm', title: 'auth.confirm', public: true, render: confirm },
  { path: '/confirm-email', title: 'auth.emailConfirmed', public: true, render: confirmEmail },
  { path: '/register', title: 'auth.registerCompany', public: true, render: register },
  { path: '/join', title: 'auth.join', render: join },
  { path: '/profile', title: 'auth.profile', render: profile },
  { path: '/not-found', title: 'common.notFound', public: true, render: notFound },
];
