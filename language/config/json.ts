/**
 * A configuration file's JSON with positions: every value keeps its place in the text, so that a
 * problem points at the offending key or value (file, line and column), not at the file as a
 * whole. Parsing is jsonc-parser's (the parser VS Code's own JSON support uses), in strict JSON
 * mode: no comments, no trailing commas.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigProblem, ConfigRange } from './problems.js';

export type JsonNode = Node;

/** One `"key": value` of an object. */
export interface JsonProperty {
    readonly key: string;
    /** The key's string node (where "unknown key" problems point). */
    readonly keyNode: JsonNode;
    /** The value; undefined when the text lacks it (only in invalid JSON, which is never read). */
    readonly value: JsonNode | undefined;
}

/** jsonc-parser's error codes in plain words. */
const PARSE_ERRORS: Record<number, string> = {
    1: 'an unexpected character',
    2: 'a malformed number',
    3: 'a property name in double quotes was expected (a trailing comma before } is not allowed in JSON)',
    4: 'a value was expected (a trailing comma before ] is not allowed in JSON)',
    5: "':' was expected after a property name",
    6: "',' was expected between two entries",
    7: "'}' was expected",
    8: "']' was expected",
    9: 'there is text after the end of the JSON value',
    10: 'comments are not allowed in JSON',
    11: 'a comment is not closed',
    12: 'a string is not closed',
    13: 'a number is not complete',
    14: 'an invalid unicode escape',
    15: 'an invalid escape character in a string',
    16: 'an invalid character in a string',
};

/** The text of one configuration file, parsed, with its line index. */
export class JsonFile {
    /** The parsed value; undefined when the text is not valid JSON (see `error`). */
    readonly root: JsonNode | undefined;
    /** The first syntax error, if the text is not valid JSON. */
    readonly error: { readonly message: string; readonly range: ConfigRange } | undefined;
    private readonly lineStarts: number[] = [0];

    constructor(readonly uri: string, readonly text: string) {
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
        const errors: ParseError[] = [];
        const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        const first = errors[0];
        if (first) {
            this.error = { message: PARSE_ERRORS[first.error] ?? 'a syntax error', range: this.range({ offset: first.offset, length: first.length }) };
        } else if (!root) {
            this.error = { message: 'the file is empty', range: this.range({ offset: 0, length: 0 }) };
        }
        this.root = this.error ? undefined : root;
    }

    /** The range of a node (or of any offset and length) in lines and columns, 0-based. */
    range(node: { offset: number; length: number }): ConfigRange {
        return { start: this.position(node.offset), end: this.position(node.offset + node.length) };
    }

    private position(offset: number): { line: number; character: number } {
        let low = 0, high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= offset) low = mid; else high = mid - 1;
        }
        return { line: low, character: offset - this.lineStarts[low] };
    }

    /** A problem at a node of this file. */
    problem(node: { offset: number; length: number } | undefined, message: string, fatal = false): ConfigProblem {
        const range = node ? this.range(node) : undefined;
        return { file: this.uri, message, fatal, ...(range ? { line: range.start.line, range } : {}) };
    }
}

/** The properties of an object node, in the order written. */
export function propertiesOf(node: JsonNode): JsonProperty[] {
    if (node.type !== 'object') return [];
    const result: JsonProperty[] = [];
    for (const property of node.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (keyNode?.type === 'string') result.push({ key: String(keyNode.value), keyNode, value });
    }
    return result;
}

/** The elements of an array node. */
export const elementsOf = (node: JsonNode): JsonNode[] => node.type === 'array' ? [...(node.children ?? [])] : [];

/** What a JSON value is, in words, for "must be … (it is …)" messages. */
export function kindOf(node: JsonNode): string {
    switch (node.type) {
        case 'object': return 'an object';
        case 'array': return 'a list';
        case 'string': return `the text ${JSON.stringify(node.value)}`;
        case 'number': return `the number ${String(node.value)}`;
        case 'boolean': return String(node.value);
        default: return 'null';
    }
}
