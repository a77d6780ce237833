// @ts-check
/**
 * ESLint rule `srida/cast-says-why`: a cast that switches the type checker off (`as never`,
 * `as any`, `as unknown as T`) needs a comment that says why it is safe, on one of the three
 * lines above it or on its own lines. Narrowing casts (`as T`) and widening (`as unknown`) pass.
 */
/** @type {import('eslint').Rule.RuleModule} */
export const castSaysWhy = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Casts that switch the type checker off say why they are safe' },
    messages: {
      why: 'Say in a comment why this `as {{cast}}` is safe (on the lines above), or type the value instead.',
    },
    schema: [],
  },
  create(context) {
    const comments = context.sourceCode.getAllComments();
    return {
      /** @param {any} node */
      TSAsExpression(node) {
        const type = node.typeAnnotation.type;
        const doubled =
          node.expression.type === 'TSAsExpression' &&
          node.expression.typeAnnotation.type === 'TSUnknownKeyword';
        const cast =
          type === 'TSNeverKeyword'
            ? 'never'
            : type === 'TSAnyKeyword'
              ? 'any'
              : doubled
                ? 'unknown as …'
                : undefined;
        if (!cast) return;
        const from = node.loc.start.line - 3;
        const to = node.loc.end.line;
        const explained = comments.some(
          (comment) => comment.loc && comment.loc.end.line >= from && comment.loc.start.line <= to,
        );
        if (!explained) context.report({ node, messageId: 'why', data: { cast } });
      },
    };
  },
};
