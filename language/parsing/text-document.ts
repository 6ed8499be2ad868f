/**
 * Documents read from disk (the command line, and libraries the editor has not opened) get their
 * text document from Langium's factory, as usual, with its line index built in one native search
 * per line (`indexOf('\n')`) instead of a character-by-character scan of the whole text: the first
 * position asked of a 20k-line document (a finding's range, a suppression comment's line) cost
 * ~5 ms of scanning. Documents open in the editor use the editor's own text documents, untouched.
 */
import { DefaultLangiumDocumentFactory, type TextDocument, type URI } from 'langium';

/**
 * The offsets at which the lines of `text` start, as vscode-languageserver-textdocument computes
 * them, when the text has no carriage return (then its rules for `\r` and `\r\n` apply, and
 * undefined is returned so that it computes them itself).
 */
export function lineStarts(text: string): number[] | undefined {
    if (text.includes('\r')) return undefined;
    const starts = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
}

export class SsrLangiumDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override createTextDocumentGetter(uri: URI, text?: string): () => TextDocument {
        const getter = super.createTextDocumentGetter(uri, text);
        let prepared = false;
        return () => {
            const document = getter();
            if (!prepared) {
                prepared = true;
                // vscode-languageserver-textdocument keeps the line index in `_lineOffsets`, computed on
                // first use. It is filled in only when that field exists and is unset: should a later
                // version of the package keep it elsewhere, the document computes its own (slower, same).
                const fields = document as unknown as { _lineOffsets?: number[] };
                if ('_lineOffsets' in fields && fields._lineOffsets === undefined) fields._lineOffsets = lineStarts(document.getText());
            }
            return document;
        };
    }
}
