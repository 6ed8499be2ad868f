/**
 * A4 or Letter, as the reader's locale expects: Letter in the countries that use it (CLDR's
 * paper-size data: the United States, Canada, Mexico, the Philippines and parts of Latin America),
 * A4 everywhere else and when the locale names no region.
 */
export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Page sizes in inches (Chromium's unit) and in twentieths of a point (Word's). */
export const PAPER_SIZES: Record<Paper, { width: number; height: number; twipWidth: number; twipHeight: number }> = {
    a4: { width: 8.27, height: 11.69, twipWidth: 11906, twipHeight: 16838 },
    letter: { width: 8.5, height: 11, twipWidth: 12240, twipHeight: 15840 },
};

const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'PR', 'SV', 'VE', 'BZ']);

/** The region of a locale: `en-US`, `es_MX.UTF-8`, `fr-CA`; undefined for `en`, `C`, `POSIX`. */
function regionOf(locale: string): string | undefined {
    const tag = locale.split(/[.@]/)[0].replace(/_/g, '-');
    return tag.split('-').slice(1).find(part => /^[A-Za-z]{2}$|^\d{3}$/.test(part))?.toUpperCase();
}

/** The paper of the first of these locales that names a region; A4 when none does. */
export function paperForLocales(...locales: Array<string | undefined>): Paper {
    for (const locale of locales) {
        const region = locale ? regionOf(locale) : undefined;
        if (region) return LETTER_REGIONS.has(region) ? 'letter' : 'a4';
    }
    return 'a4';
}

/**
 * The locales of a process environment, most specific first (POSIX: LC_ALL overrides LC_PAPER,
 * which overrides LANG). On Windows, where these variables are rarely set, the user's regional
 * format (which Node's Intl reads from the system); elsewhere Intl's default is only a fallback
 * (`en-US` when nothing is set), so it is not taken for a preference.
 */
export function environmentLocales(env: Readonly<Record<string, string | undefined>>): Array<string | undefined> {
    return [env.LC_ALL, env.LC_PAPER, env.LANG, process.platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : undefined];
}
