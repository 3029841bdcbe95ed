// Texts in ru, en and pl. Each area keeps its own file per language (/app/i18n/<lang>/<area>.json), so that
// areas grow apart; a key missing from the language shown is an error a test catches.

export const LANGUAGES = ['ru', 'en', 'pl'];
export const AREAS = ['common', 'auth', 'pools', 'channel', 'licenses', 'services', 'devices', 'billing', 'errors'];
const CHOSEN = 'latchkey.language';

let texts = {};
let current = 'en';

export function language() {
  return current;
}

/** The language remembered, else the browser's if we speak it, else English. */
export function preferred() {
  const saved = localStorage.getItem(CHOSEN);
  if (LANGUAGES.includes(saved)) return saved;
  const browser = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : 'en';
}

export async function load(lang, remember = false) {
  const parts = await Promise.all(AREAS.map(async (area) => {
    const response = await fetch(`/app/i18n/${lang}/${area}.json`);
    return response.ok ? response.json() : {};
  }));
  texts = Object.assign({}, ...parts);
  current = lang;
  document.documentElement.lang = lang;
  if (remember) localStorage.setItem(CHOSEN, lang);
}

/** The text of {@code key} with {name} placeholders filled. */
export function t(key, params = {}) {
  let text = texts[key];
  if (text === undefined) {
    console.warn(`missing text: ${key} (${current})`);
    text = key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] !== undefined ? String(params[name]) : m));
}

/** Whether a text exists (for optional ones, like an error code's own message). */
export function has(key) {
  return texts[key] !== undefined;
}

/** Fills every [data-i18n] element of the page (the shell) with its text. */
export function translateShell(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}
