// The BigQuery build of node-sql-parser: the dialect whose output keeps identifiers bare and
// functions as written (`count()`, `toStartOfInterval(...)`), as ClickHouse reads them.
import { Parser } from 'node-sql-parser/build/bigquery';

/*
 * THE ALLOW-LIST of Analytics Engine queries, in one screen. A statement is parsed into a syntax
 * tree (node-sql-parser, never regular expressions over the text) and accepted only when it is:
 *  - exactly one SELECT (no second statement, UNION/INTERSECT/EXCEPT, WITH, INTO, sub-query),
 *    without comments (a comment would hide text from a reviewer reading the audit log);
 *  - FROM exactly the dataset of the path (no JOIN, no other table, no `system.*`, no table
 *    function such as url() or file());
 *  - built only of the node types, operators, functions and columns below;
 *  - bounded in time: a top-level `timestamp >`/`>=`/`BETWEEN` condition whose bound names no column;
 *  - limited: LIMIT at most 10,000 (100 when absent).
 * What runs is the statement written back from the checked tree (identifier quoting dropped).
 */

/**
 * The most rows a statement may ask for (`LIMIT`).
 *
 * @public
 */
export const ANALYTICS_ENGINE_MAX_LIMIT = 10_000;
/** How many rows a statement that names no LIMIT asks for. */
const DEFAULT_LIMIT = 100;
/** The blob columns, `blob1` to `blob20`: arbitrary user data, hence sensitive. */
const BLOB = /^blob([1-9]|1\d|20)$/;
/** The columns of every Analytics Engine dataset. */
const COLUMNS = new Set([
  'dataset',
  'timestamp',
  '_sample_interval',
  'index1',
  ...Array.from({ length: 20 }, (_, i) => `blob${i + 1}`),
  ...Array.from({ length: 20 }, (_, i) => `double${i + 1}`),
]);
/** Syntax-tree node types an expression may contain. */
const NODE_TYPES = new Set([
  'column_ref',
  'number',
  'single_quote_string',
  'bool',
  'null',
  'binary_expr',
  'unary_expr',
  'expr_list',
  'function',
  'aggr_func',
  'case',
  'when',
  'else',
  'interval',
]);
/** Operators (upper case). */
const OPERATORS = new Set([
  ...['=', '!=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'],
  ...['AND', 'OR', 'NOT', 'IN', 'NOT IN', 'LIKE', 'NOT LIKE'],
  ...['BETWEEN', 'NOT BETWEEN', 'IS', 'IS NOT'],
]);
/** Functions a statement may call (lower case): aggregates, time, numbers, strings, conditions. */
const FUNCTIONS = new Set([
  ...['count', 'sum', 'avg', 'min', 'max', 'uniq'],
  ...['now', 'today', 'todatetime', 'todate', 'tounixtimestamp'],
  ...['tostartofinterval', 'tostartofminute', 'tostartoffiveminutes'],
  ...['tostartoffifteenminutes', 'tostartofhour', 'tostartofday'],
  ...['tostartofweek', 'tostartofmonth', 'formatdatetime'],
  ...['abs', 'round', 'floor', 'ceil', 'intdiv', 'least', 'greatest'],
  ...['length', 'lower', 'upper', 'substring', 'startswith', 'endswith'],
  ...['if', 'multiif', 'coalesce', 'isnull', 'tostring', 'tofloat64'],
]);
/** Clauses a SELECT may have; any other clause that is present is refused. */
const CLAUSES = new Set([
  'type',
  'columns',
  'from',
  'where',
  'groupby',
  'having',
  'orderby',
  'limit',
  'distinct',
]);

/**
 * A statement the allow-list refuses; `message` says why, in the suite's words.
 *
 * @public
 */
export class AnalyticsEngineSqlError extends Error {
  name = 'AnalyticsEngineSqlError' as const;
}

/**
 * A statement the allow-list accepted.
 *
 * @public
 */
export interface CheckedAnalyticsEngineSql {
  /** The statement to run, written from the checked tree (its LIMIT enforced). */
  statement: string;
  /** The LIMIT it runs with. */
  limit: number;
  /** Per select item, in order: true when derived from a blob column. */
  sensitive: boolean[];
}

type Node = Record<string, any>;
const refuse = (reason: string): never => {
  throw new AnalyticsEngineSqlError(reason);
};
const parser = new Parser();
const DIALECT = { database: 'bigquery' };

/**
 * True when the text holds a comment (`--`, `#` or a block comment) outside a quoted string or
 * identifier: a small lexer over quotes, since the parser drops comments without a trace.
 */
function hasComment(sql: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (
      c === '#' ||
      (c === '-' && sql[i + 1] === '-') ||
      (c === '/' && sql[i + 1] === '*')
    ) {
      return true;
    }
  }
  return false;
}

/** Parses one statement; several, none, a comment or an unparsable text are refused. */
function parseOne(sql: string): Node {
  if (hasComment(sql)) refuse('comments are not allowed');
  let ast: Node | Node[];
  try {
    ast = parser.astify(sql, DIALECT) as Node | Node[];
  } catch (e) {
    const at = (e as { location?: { start?: Node } }).location?.start;
    return refuse(
      `could not be parsed as one SQL SELECT statement${
        at ? ` (line ${at.line}, column ${at.column})` : ''
      }`,
    );
  }
  const list = Array.isArray(ast) ? ast : [ast];
  if (list.length !== 1) refuse('must be exactly one statement');
  const stmt = list[0];
  if (stmt.type !== 'select') refuse('must be a SELECT statement');
  if (stmt.with) refuse('WITH (common table expressions) is not allowed');
  if (stmt._next || stmt.set_op)
    refuse('UNION, INTERSECT and EXCEPT are not allowed');
  if (stmt.into?.position) refuse('INTO is not allowed');
  for (const [clause, value] of Object.entries(stmt)) {
    const present = Array.isArray(value)
      ? value.length > 0
      : value !== null && value !== undefined;
    if (present && !CLAUSES.has(clause))
      refuse(`the ${clause} clause is not allowed`);
  }
  return stmt;
}

/** Checks the FROM clause: exactly the path's dataset, unqualified; returns its alias if any. */
function checkFrom(stmt: Node, dataset: string): string | undefined {
  const from: Node[] = stmt.from ?? [];
  if (from.length === 0) refuse(`must read FROM ${dataset}`);
  if (from.length > 1 || from.some(f => f.join)) refuse('JOIN is not allowed');
  const [table] = from;
  if (table.expr?.ast) refuse('sub-queries are not allowed');
  if (table.expr)
    refuse('table functions (url(), file(), ...) are not allowed');
  if (table.db)
    refuse(`tables of other databases (${table.db}.*) are not allowed`);
  if (table.table !== dataset)
    refuse(`FROM must name only the dataset of the path (${dataset})`);
  table.surround = { table: '' };
  return table.as ?? undefined;
}

/** Walks one expression against the allow-list; returns true when it reads a blob column. */
function checkExpr(node: Node | null | undefined, scope: Scope): boolean {
  if (node === null || node === undefined) return false;
  if (node.ast) refuse('sub-queries are not allowed');
  if (node.type === 'string')
    refuse(
      'double-quoted text is not allowed: quote strings with single quotes',
    );
  if (!NODE_TYPES.has(node.type)) refuse(`${node.type} is not allowed`);
  const walk = (n?: Node | null) => checkExpr(n, scope);
  switch (node.type) {
    case 'column_ref':
      return checkColumn(node, scope);
    case 'binary_expr':
    case 'unary_expr':
      if (!OPERATORS.has(String(node.operator).toUpperCase()))
        refuse(`the operator ${node.operator} is not allowed`);
      return node.type === 'unary_expr'
        ? walk(node.expr)
        : [walk(node.left), walk(node.right)].some(Boolean);
    case 'expr_list':
      return (node.value ?? []).map(walk).some(Boolean);
    case 'function':
    case 'aggr_func': {
      const name = functionName(node);
      if (!FUNCTIONS.has(name.toLowerCase()))
        refuse(`the function ${name}() is not allowed`);
      if (node.over) refuse('window functions (OVER) are not allowed');
      const arg = node.args?.expr;
      if (arg?.type === 'star' && name.toLowerCase() === 'count') return false;
      return node.type === 'function' ? walk(node.args) : walk(arg);
    }
    case 'case':
      return [walk(node.expr), ...(node.args ?? []).map(walk)].some(Boolean);
    case 'when':
      return [walk(node.cond), walk(node.result)].some(Boolean);
    case 'else':
      return walk(node.result);
    case 'interval':
      return walk(node.expr);
    default:
      return false;
  }
}

interface Scope {
  tables: Set<string>;
  aliases: Set<string>;
}

function functionName(node: Node): string {
  if (typeof node.name === 'string') return node.name;
  const parts: Node[] = [...(node.name?.name ?? [])];
  if (node.name?.schema) parts.unshift(node.name.schema);
  if (parts.length !== 1) refuse('qualified function names are not allowed');
  return String(parts[0].value);
}

function checkColumn(node: Node, scope: Scope): boolean {
  const col = node.column;
  const name: unknown = typeof col === 'string' ? col : col?.expr?.value;
  if (name === '*') refuse('SELECT * is not allowed: name the columns');
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    refuse('column names must be plain identifiers');
  const column = name as string;
  if (node.table && !scope.tables.has(node.table))
    refuse(`the table ${node.table} is not allowed`);
  if (!COLUMNS.has(column) && !scope.aliases.has(column))
    refuse(
      `the column ${column} does not exist in an Analytics Engine dataset`,
    );
  if (col?.expr) col.expr = { type: 'default', value: column };
  return BLOB.test(column);
}

/** True when a top-level condition bounds `timestamp` from below by an expression of no column. */
function boundsTime(cond: Node, scope: Scope): boolean {
  if (cond?.type !== 'binary_expr') return false;
  const op = String(cond.operator).toUpperCase();
  if (op === 'AND')
    return boundsTime(cond.left, scope) || boundsTime(cond.right, scope);
  const isTime = (n: Node) =>
    n?.type === 'column_ref' &&
    (typeof n.column === 'string' ? n.column : n.column?.expr?.value) ===
      'timestamp';
  const constant = (n: Node) => !JSON.stringify(n).includes('"column_ref"');
  if ((op === '>' || op === '>=' || op === 'BETWEEN') && isTime(cond.left))
    return constant(cond.right);
  if ((op === '<' || op === '<=') && isTime(cond.right))
    return constant(cond.left);
  return false;
}

/** Reads the LIMIT (and OFFSET) as numbers; adds the default LIMIT when there is none. */
function enforceLimit(stmt: Node): number {
  if (!stmt.limit?.value?.length) {
    stmt.limit = {
      seperator: '',
      value: [{ type: 'number', value: DEFAULT_LIMIT }],
    };
    return DEFAULT_LIMIT;
  }
  const values: Node[] = stmt.limit.value;
  if (
    !values.every(v => v.type === 'number' && Number.isSafeInteger(v.value))
  ) {
    refuse('LIMIT and OFFSET must be whole numbers');
  }
  // `LIMIT n OFFSET m` lists n first; `LIMIT m, n` lists the offset first.
  const limit =
    stmt.limit.seperator === ',' ? values[1].value : values[0].value;
  if (limit < 1 || limit > ANALYTICS_ENGINE_MAX_LIMIT)
    refuse(`LIMIT must be between 1 and ${ANALYTICS_ENGINE_MAX_LIMIT}`);
  return limit;
}

function checkTree(dataset: string, sql: string): CheckedAnalyticsEngineSql {
  const stmt = parseOne(sql);
  const alias = checkFrom(stmt, dataset);
  const columns: Node[] = stmt.columns ?? [];
  const aliases = new Set<string>();
  for (const c of columns) {
    if (c.as === null || c.as === undefined) continue;
    if (typeof c.as !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.as))
      refuse('column aliases must be plain identifiers');
    aliases.add(c.as);
  }
  const scope: Scope = {
    tables: new Set([dataset, ...(alias ? [alias] : [])]),
    aliases,
  };
  const sensitive = columns.map(c => checkExpr(c.expr, scope));
  checkExpr(stmt.where, scope);
  checkExpr(stmt.having, scope);
  for (const g of stmt.groupby?.columns ?? []) checkExpr(g, scope);
  for (const o of stmt.orderby ?? []) checkExpr(o.expr, scope);
  if (!boundsTime(stmt.where, scope))
    refuse(
      "WHERE must bound timestamp from below (e.g. timestamp > NOW() - INTERVAL '1' DAY)",
    );
  const limit = enforceLimit(stmt);
  const statement = parser.sqlify(stmt as any, DIALECT);
  return { statement, limit, sensitive };
}

/**
 * Checks one statement against the allow-list for `dataset` and writes the statement to run. The
 * written statement is checked again and must come back unchanged, so what runs is what was checked.
 * Throws {@link AnalyticsEngineSqlError} naming the reason.
 *
 * @public
 */
export function checkAnalyticsEngineSql(
  dataset: string,
  sql: string,
): CheckedAnalyticsEngineSql {
  const checked = checkTree(dataset, sql);
  const again = checkTree(dataset, checked.statement);
  if (again.statement !== checked.statement)
    refuse('could not be written back unchanged');
  return checked;
}
