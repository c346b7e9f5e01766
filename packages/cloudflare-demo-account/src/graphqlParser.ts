/**
 * A small parser of the GraphQL the demo account's analytics route reads: one operation (`query`,
 * optionally named, with variable definitions), fields with aliases, arguments and selection sets,
 * and values (variables, strings, numbers, booleans, null, enums, lists, objects). Fragments and
 * directives are not part of it: the suite's queries use none.
 */

/**
 * One field of a selection set.
 *
 * @public
 */
export interface GraphqlField {
  /** The key of the field in the answer: its alias, else its name. */
  key: string;
  /** The schema field. */
  name: string;
  /** Its arguments, variables resolved. */
  args: Record<string, unknown>;
  /** Its selection set, for object fields. */
  selections?: GraphqlField[];
}

/**
 * A query the parser refuses; the message is what GraphQL's `errors[].message` says.
 *
 * @public
 */
export class GraphqlSyntaxError extends Error {}

const TOKEN =
  /\s+|,|#[^\n]*|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(\$?[A-Za-z_][A-Za-z0-9_]*)|([{}()[\]:!=@])/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m)
      throw new GraphqlSyntaxError(
        `Syntax Error: unexpected character at ${at}`,
      );
    const token = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

/** Parses `source` into its root selection set, with `variables` resolved in arguments. */
export function parseGraphql(
  source: string,
  variables: Record<string, unknown>,
): GraphqlField[] {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    if (i >= tokens.length)
      throw new GraphqlSyntaxError('Syntax Error: unexpected end of query');
    return tokens[i++];
  };
  const expect = (t: string) => {
    const got = next();
    if (got !== t)
      throw new GraphqlSyntaxError(
        `Syntax Error: expected "${t}", found "${got}"`,
      );
  };
  const name = () => {
    const t = next();
    if (!/^[A-Za-z_]\w*$/.test(t))
      throw new GraphqlSyntaxError(
        `Syntax Error: expected a name, found "${t}"`,
      );
    return t;
  };

  const value = (): unknown => {
    const t = next();
    if (t.startsWith('$')) return variables[t.slice(1)];
    if (t.startsWith('"')) return JSON.parse(t);
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (t === '[') {
      const list: unknown[] = [];
      while (peek() !== ']') list.push(value());
      expect(']');
      return list;
    }
    if (t === '{') {
      const obj: Record<string, unknown> = {};
      while (peek() !== '}') {
        const key = name();
        expect(':');
        obj[key] = value();
      }
      expect('}');
      return obj;
    }
    if (/^[A-Za-z_]\w*$/.test(t)) return t;
    throw new GraphqlSyntaxError(`Syntax Error: unexpected "${t}"`);
  };

  const selectionSet = (): GraphqlField[] => {
    expect('{');
    const fields: GraphqlField[] = [];
    while (peek() !== '}') {
      let key = name();
      let field = key;
      if (peek() === ':') {
        next();
        field = name();
      } else key = field;
      const args: Record<string, unknown> = {};
      if (peek() === '(') {
        next();
        while (peek() !== ')') {
          const arg = name();
          expect(':');
          args[arg] = value();
        }
        expect(')');
      }
      fields.push({
        key,
        name: field,
        args,
        ...(peek() === '{' ? { selections: selectionSet() } : {}),
      });
    }
    expect('}');
    return fields;
  };

  if (peek() === 'query') {
    next();
    if (peek() !== '(' && peek() !== '{') name();
    if (peek() === '(') {
      let depth = 0;
      do {
        const t = next();
        if (t === '(') depth += 1;
        if (t === ')') depth -= 1;
      } while (depth > 0);
    }
  }
  const root = selectionSet();
  if (i !== tokens.length)
    throw new GraphqlSyntaxError(
      'Syntax Error: unexpected text after the query',
    );
  return root;
}
