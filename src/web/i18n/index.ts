import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'talentbridge.language';

/** English ships in the entry bundle; other languages load on demand. */
const loaders: Record<Language, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  es: () => import('./es').then((m) => m.es),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function stored(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The saved choice, else the browser's preferred language we support, else English. */
export function detectLanguage(): Language {
  const saved = stored();
  if (saved) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyToDocument(lng: string) {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

async function ensureLoaded(lng: Language) {
  if (!i18n.hasResourceBundle(lng, 'translation')) {
    i18n.addResourceBundle(lng, 'translation', await loaders[lng](), true, true);
  }
}

export async function setupI18n(): Promise<typeof i18n> {
  const lng = detectLanguage();
  const resources: Partial<Record<Language, { translation: Messages }>> = { en: { translation: en } };
  if (lng !== 'en') {
    try {
      resources[lng] = { translation: await loaders[lng]() };
    } catch {
      // The chunk failed to load (offline, new deploy): fall back to English rather than a blank page.
    }
  }
  await i18n.use(initReactI18next).init({
    lng: resources[lng] ? lng : 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  applyToDocument(i18n.language);
  i18n.on('languageChanged', applyToDocument);
  return i18n;
}

export async function changeLanguage(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  await i18n.changeLanguage(lng);
}

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

export { i18n };
