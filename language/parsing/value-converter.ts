/**
 * Values of terminals: a `"""…"""` text is taken as written between its triple quotes (it may span
 * lines and hold single quotes); a `"…"` text has its quotes removed and its escapes read, as
 * Langium does by default. Everything that reads a title or an import path reads it from here.
 */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class SsrValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING' && input.startsWith('"""') && input.endsWith('"""') && input.length >= 6) {
            return input.slice(3, -3);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
