/**
 * Reading the parts of a configuration file: each helper checks a value's shape, records a
 * problem at the offending key or value when it is wrong (with a did-you-mean where one fits) and
 * returns what can be used, so that one mistake never hides the valid rest of the file.
 */
import { closest, didYouMean } from '../base/strings.js';
import { elementsOf, kindOf, propertiesOf, type JsonFile, type JsonNode, type JsonProperty } from './json.js';
import type { ConfigProblem } from './problems.js';

const quoted = (names: readonly string[]) => names.map(n => `"${n}"`).join(', ');

export class ConfigReader {
    readonly problems: ConfigProblem[] = [];

    constructor(readonly file: JsonFile) { }

    report(node: JsonNode | undefined, message: string, fatal = false): void {
        this.problems.push(this.file.problem(node, message, fatal));
    }

    /**
     * The properties of an object, each key once: an unknown key (not in `allowed`, when given) or
     * a repeated one is reported and left out. `what` names the object in messages.
     */
    object(node: JsonNode | undefined, what: string, allowed?: readonly string[], example?: string): JsonProperty[] | undefined {
        return this.fields(node, what, allowed, example)?.properties;
    }

    /**
     * `object`, and what the unknown keys were probably meant to be: a required field that is
     * missing because its key is misspelt is reported once, as the misspelling.
     */
    fields(node: JsonNode | undefined, what: string, allowed?: readonly string[], example?: string): { properties: JsonProperty[]; meant: Set<string> } | undefined {
        if (!node) return undefined;
        if (node.type !== 'object') {
            this.report(node, `${what} must be an object${example ? `, e.g. ${example}` : ''} (it is ${kindOf(node)})`);
            return undefined;
        }
        const seen = new Set<string>();
        const result: JsonProperty[] = [];
        const meant = new Set<string>();
        for (const property of propertiesOf(node)) {
            if (seen.has(property.key)) {
                this.report(property.keyNode, `${what ? `${what}: ` : ''}"${property.key}" is given twice; JSON keeps only one, so remove the other`);
                continue;
            }
            seen.add(property.key);
            if (allowed && !allowed.includes(property.key)) {
                const suggestion = closest(property.key, allowed);
                if (suggestion) meant.add(suggestion);
                this.report(property.keyNode, `${what ? `${what}: ` : ''}unknown key "${property.key}"; expected ${allowed.length === 1 ? quoted(allowed) : `one of ${quoted(allowed)}`}${suggestion ? '.' + didYouMean(suggestion) : ''}`);
                continue;
            }
            result.push(property);
        }
        return { properties: result, meant };
    }

    string(node: JsonNode | undefined, what: string): string | undefined {
        if (!node) return undefined;
        if (node.type !== 'string' || String(node.value).trim() === '') {
            this.report(node, `${what} must be a non-empty text in double quotes (it is ${kindOf(node)})`);
            return undefined;
        }
        return String(node.value);
    }

    boolean(node: JsonNode | undefined, what: string): boolean | undefined {
        if (!node) return undefined;
        if (node.type !== 'boolean') {
            this.report(node, `${what} must be true or false (it is ${kindOf(node)})`);
            return undefined;
        }
        return node.value as boolean;
    }

    /** One of `choices`, with a did-you-mean for a near miss. */
    choice<T extends string>(node: JsonNode | undefined, what: string, choices: readonly T[]): T | undefined {
        if (!node) return undefined;
        if (node.type === 'string' && choices.includes(node.value as T)) return node.value as T;
        const suggestion = node.type === 'string' ? closest(String(node.value), choices) : undefined;
        this.report(node, `${what} must be one of ${quoted(choices)} (it is ${kindOf(node)})${suggestion ? '.' + didYouMean(suggestion) : ''}`);
        return undefined;
    }

    /**
     * A non-empty list of strings each of which `known` accepts; an unknown one is reported with
     * the closest of `candidates`. Returns undefined when the list itself is malformed or any
     * element is wrong (`ok` false), else the strings.
     */
    list(node: JsonNode | undefined, what: string, label: string, candidates: readonly string[], example: string): string[] | undefined {
        if (!node) return undefined;
        if (node.type !== 'array' || elementsOf(node).length === 0) {
            this.report(node, `${what} must be a non-empty list of ${label}s, e.g. ${example} (it is ${kindOf(node)})`);
            return undefined;
        }
        const values: string[] = [];
        let ok = true;
        for (const element of elementsOf(node)) {
            if (element.type !== 'string') {
                this.report(element, `${what}: each entry must be a ${label} in double quotes (this one is ${kindOf(element)})`);
                ok = false;
            } else if (!candidates.includes(String(element.value))) {
                this.report(element, `${what}: unknown ${label} '${String(element.value)}'.${didYouMean(closest(String(element.value), candidates))}`);
                ok = false;
            } else {
                values.push(String(element.value));
            }
        }
        return ok ? values : undefined;
    }
}
