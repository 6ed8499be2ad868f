/** Edit distance (Levenshtein, with adjacent transpositions counted as one edit). */
function editDistance(a: string, b: string): number {
    const n = a.length, m = b.length;
    if (n === 0) return m;
    if (m === 0) return n;
    const d: number[][] = Array.from({ length: n + 1 }, (_, i) => [i, ...new Array<number>(m).fill(0)]);
    for (let j = 1; j <= m; j++) d[0][j] = j;
    for (let i = 1; i <= n; i++) {
        for (let j = 1; j <= m; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo:
 * within a third of the word's length (at least 2 edits), compared case-insensitively,
 * or a candidate that contains the word / is contained in it.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
    const lower = word.toLowerCase();
    let best: string | undefined;
    let bestScore = Infinity;
    for (const candidate of new Set(candidates)) {
        if (candidate === word) continue;
        const c = candidate.toLowerCase();
        let score = editDistance(lower, c);
        if (score > Math.max(2, Math.floor(word.length / 3))) {
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
