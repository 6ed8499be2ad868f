/**
 * Quick fixes, from the data a rule attached to its finding: replace with the suggestion,
 * insert a missing line, remove an unused suppression, ready-made edits (paired objective,
 * benchmark skeleton, national lead), and for every rule "ignore this finding here".
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { SsrDiagnosticData } from '../validation/findings.js';
import { isDeclaration } from '../base/declarations.js';

export class SsrCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as SsrDiagnosticData | undefined;
            if (!data?.ruleId) continue;
            actions.push(...this.fixes(document, diagnostic, data));
            const ignore = this.ignoreHere(document, diagnostic, data.ruleId);
            if (ignore) actions.push(ignore);
        }
        return actions;
    }

    protected fixes(document: LangiumDocument, diagnostic: Diagnostic, data: SsrDiagnosticData): CodeAction[] {
        const fix = data.fix;
        if (!fix) return [];
        const uri = document.textDocument.uri;
        const action = (title: string, edits: TextEdit[], preferred = false): CodeAction =>
            ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: edits } } });
        const result: CodeAction[] = [];
        (fix.replacements ?? []).forEach((replacement, i) => result.push(action(`Replace with '${replacement}'`, [{ range: diagnostic.range, newText: replacement }], i === 0)));
        if (fix.insertField) {
            const edit = this.insertFieldEdit(document, diagnostic, fix.insertField);
            if (edit) result.push(action(`Add '${fix.insertField}'`, [edit], true));
        }
        if (typeof fix.removeLine === 'number') {
            const line = fix.removeLine;
            result.push(action('Remove this comment', [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }], true));
        }
        for (const edit of fix.edits ?? []) {
            result.push(action(edit.title, [{ range: edit.range, newText: edit.newText }], edit.preferred ?? false));
        }
        return result;
    }

    /** A line inserted before the closing brace of the declaration the finding points at. */
    protected insertFieldEdit(document: LangiumDocument, diagnostic: Diagnostic, line: string): TextEdit | undefined {
        const declaration = this.declarationAt(document, diagnostic);
        const cst = declaration?.$cstNode;
        if (!cst) return undefined;
        const text = document.textDocument.getText();
        const closing = text.lastIndexOf('}', cst.end - 1);
        if (closing < cst.offset) return undefined;
        const indent = this.indentOf(document, cst.range.start.line);
        const closingPosition = document.textDocument.positionAt(closing);
        const lineStart = document.textDocument.offsetAt({ line: closingPosition.line, character: 0 });
        const beforeBrace = text.slice(lineStart, closing);
        if (beforeBrace.trim() === '') {
            // `}` on its own line: insert a new line above it.
            return { range: { start: { line: closingPosition.line, character: 0 }, end: { line: closingPosition.line, character: 0 } }, newText: `${indent}    ${line}\n` };
        }
        // `{ … }` on one line: break before the brace.
        return { range: { start: closingPosition, end: closingPosition }, newText: `\n${indent}    ${line}\n${indent}` };
    }

    protected ignoreHere(document: LangiumDocument, diagnostic: Diagnostic, ruleId: string): CodeAction | undefined {
        if (ruleId === 'syntax/error' || ruleId === 'suppression/unused') return undefined;
        const declaration = this.declarationAt(document, diagnostic);
        const cst = declaration?.$cstNode;
        let line = cst ? cst.range.start.line : diagnostic.range.start.line;
        // Above the declaration's doc comment, if it has one.
        const comment = cst ? CstUtils.findCommentNode(cst, ['ML_COMMENT']) : undefined;
        if (comment && comment.text.startsWith('/**')) line = Math.min(line, comment.range.start.line);
        const indent = this.indentOf(document, line);
        return {
            title: `Ignore ${ruleId} here`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.textDocument.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ssr-ignore-next-line ${ruleId} -- \n` }] } },
        };
    }

    /** The innermost declaration containing the finding's start. */
    protected declarationAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
        let node: AstNode | undefined = leaf?.astNode;
        while (node && !isDeclaration(node)) node = node.$container;
        return node ?? AstUtils.streamContents(document.parseResult.value).find(isDeclaration);
    }

    protected indentOf(document: LangiumDocument, line: number): string {
        const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        return /^[ \t]*/.exec(text)?.[0] ?? '';
    }
}
