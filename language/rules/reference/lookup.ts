/** Shared by the reference rules: what a failed reference could have meant. */
import type { AstNodeDescription, MultiReference, Reference, ReferenceInfo } from 'langium';
import { referenceTypeLabel } from '../../base/declarations.js';
import type { RuleContext } from '../rule.js';

export interface FailedReference {
    readonly info: ReferenceInfo;
    readonly reference: Reference | MultiReference;
    readonly text: string;
    /** The declaration kind expected, as the author calls it. */
    readonly expected: string;
    /** Declarations of another kind with exactly this name. */
    readonly otherKinds: AstNodeDescription[];
}

/** The references of a document that failed to link. */
export function failedReferences(context: RuleContext): FailedReference[] {
    const { document, services } = context;
    const reflection = services.shared.AstReflection;
    const result: FailedReference[] = [];
    for (const reference of document.references) {
        const error = reference.error;
        if (!error) continue;
        const info = error.info;
        const text = reference.$refText;
        if (!text) continue;
        const expectedType = reflection.getReferenceType(info);
        const otherKinds = (services.references.ScopeProvider.visibleNames(document).get(text) ?? [])
            .filter(d => !reflection.isSubtype(d.type, expectedType));
        result.push({ info, reference, text, expected: referenceTypeLabel(expectedType), otherKinds });
    }
    return result;
}

/** Names of the expected kind visible from the reference, for did-you-mean and quick fixes. */
export function candidateNames(context: RuleContext, failed: FailedReference): Iterable<string> {
    const reflection = context.services.shared.AstReflection;
    const expectedType = reflection.getReferenceType(failed.info);
    return context.services.references.ScopeProvider.visibleNames(context.document, expectedType).keys();
}
