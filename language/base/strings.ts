/**
 * Edit distance (Levenshtein, with adjacent transpositions counted as one edit), or `limit + 1`
 * as soon as it is sure to exceed `limit`: three rows of memory, and no work past the limit.
 */
function editDistance(a: string, b: string, limit: number): number {
    const n = a.length, m = b.length;
    if (Math.abs(n - m) > limit) return limit + 1;
    if (n === 0 || m === 0) return Math.max(n, m);
    let before = new Array<number>(m + 1).fill(0), previous = Array.from({ length: m + 1 }, (_, j) => j), current = new Array<number>(m + 1).fill(0);
    let previousMin = 0;
    for (let i = 1; i <= n; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j <= m; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
            current[j] = value;
            if (value < rowMin) rowMin = value;
        }
        // A transposition reaches back two rows: stop only when two rows in a row exceed the limit.
        if (rowMin > limit && previousMin > limit) return limit + 1;
        previousMin = rowMin;
        [before, previous, current] = [previous, current, before];
    }
    return previous[m];
}

/** Words longer than this get no suggestion (see closest). */
const MAX_SUGGESTION_LENGTH = 64;

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo:
 * within a third of the word's length (at least 2 edits), compared case-insensitively,
 * or a candidate that contains the word / is contained in it.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
    // A name this long is pasted, not typed: comparing it costs its length squared per candidate.
    if (word.length > MAX_SUGGESTION_LENGTH) return undefined;
    const lower = word.toLowerCase();
    let best: string | undefined;
    let bestScore = Infinity;
    const limit = Math.max(2, Math.floor(word.length / 3));
    for (const candidate of new Set(candidates)) {
        if (candidate === word) continue;
        const c = candidate.toLowerCase();
        let score = editDistance(lower, c, limit);
        if (score > limit) {
            if (lower.length >= 3 && (c.startsWith(lower) || lower.startsWith(c))) {
                score = Math.abs(c.length - lower.length) / 10 + 2.5;
            } else {
                continue;
            }
        }
        if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

export function didYouMean(suggestion: string | undefined): string {
    return suggestion ? ` Did you mean '${suggestion}'?` : '';
}
