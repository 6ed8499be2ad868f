/**
 * Spec examples whose issue is still open: the spec gains examples before the code that makes
 * them pass. `test/examples.test.ts` asserts that each one listed here still fails its header,
 * so a listed example that passes fails the run and this list cannot go stale; the other tests
 * that read every spec example (golden summaries, formatting) leave the listed ones out. The
 * issue that builds an example removes it from this list.
 */
export interface PendingExample {
    /** Path relative to ../shared/spec/examples, with `/` separators. */
    readonly path: string;
    /** The open issue that builds it. */
    readonly issue: number;
}

export const PENDING_EXAMPLES: readonly PendingExample[] = [
];

export const isPending = (relativePath: string): boolean =>
    PENDING_EXAMPLES.some(p => p.path === relativePath.split('\\').join('/'));
