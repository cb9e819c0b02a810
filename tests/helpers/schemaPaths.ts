// Reads a zod 4 schema's structure (its `_zod.def`: shapes, elements, records, union options)
// so that a test can name every field an entry may carry, however deep, and say which of them
// a given entry does carry. A kind of schema this walker does not know throws, naming the
// field: a new construct in the push schema cannot silently drop out of the coverage.
import type { z } from 'zod';

/** One step of a field's path: a key, any element of an array, any key of a record, or one variant of a discriminated union. */
export type Step = { key: string } | { each: true } | { any: true } | { variant: { discriminator: string; value: string } };

/** A field reachable in a schema: its path, its printed name and the schema of its value. */
export interface Field {
  path: Step[];
  /** 'payload.pages[].pageId', 'payload.marks.*.copies', 'payload.applicant<kind=visitor>.name' */
  name: string;
  schema: z.ZodType;
}

type Def = { type: string } & Record<string, unknown>;
export const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
/** The definitions of a schema's checks (max_length, greater_than, string_format …). */
export const checksOf = (s: unknown): Array<Record<string, unknown>> =>
  ((defOf(s).checks as unknown[] | undefined) ?? []).map((c) => (c as { _zod: { def: Record<string, unknown> } })._zod.def);

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/…/pipe wrappers, and whether null is admitted on the way. */
export function peel(s: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let nullable = false;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'nullable') nullable = true;
    if (d.type === 'nullable' || WRAPPERS.has(d.type)) s = d.innerType as z.ZodType;
    else if (d.type === 'pipe') s = d.in as z.ZodType; // the wire carries the input side
    else if (d.type === 'lazy') s = (d.getter as () => z.ZodType)();
    else return { inner: s, nullable };
  }
}

export const stepName = (name: string, step: Step): string =>
  'key' in step ? (name ? `${name}.${step.key}` : step.key)
    : 'each' in step ? `${name}[]`
      : 'any' in step ? `${name}.*`
        : `${name}<${step.variant.discriminator}=${step.variant.value}>`;
export const pathName = (path: Step[]): string => path.reduce(stepName, '');

/** The value of a discriminated union option's discriminator. */
function variantValue(option: z.ZodType, discriminator: string): string {
  const shape = defOf(peel(option).inner).shape as Record<string, z.ZodType>;
  const values = defOf(peel(shape[discriminator]).inner).values as unknown[];
  return String(values[0]);
}
const options = (d: Def) => d.options as z.ZodType[];
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Every field of an object schema, at any depth, and its coverage keys: each field's name, and
 * for a field with a closed set of values (enum, literal, boolean, nullable) each of them as
 * `name = value` (and `name ≠ null`), so that covering the keys means meeting every variant.
 */
export function fieldsOf(schema: z.ZodType): { fields: Field[]; coverage: string[] } {
  const fields: Field[] = [];
  const coverage = new Set<string>();
  const visit = (s: z.ZodType, path: Step[], sameField = false) => {
    const name = pathName(path);
    if (path.length && !sameField) {
      fields.push({ path, name, schema: s });
      coverage.add(name);
    }
    const { inner, nullable } = peel(s);
    if (nullable) coverage.add(`${name} = null`).add(`${name} ≠ null`);
    const d = defOf(inner);
    switch (d.type) {
      case 'object':
        for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) visit(v, [...path, { key: k }]);
        return;
      case 'array':
        return visit(d.element as z.ZodType, [...path, { each: true }]);
      case 'record':
        return visit(d.valueType as z.ZodType, [...path, { any: true }]);
      case 'union': {
        const discriminator = d.discriminator as string | undefined;
        for (const o of options(d)) {
          if (discriminator) visit(o, [...path, { variant: { discriminator, value: variantValue(o, discriminator) } }]);
          else visit(o, path, true);
        }
        return;
      }
      case 'enum':
        for (const v of Object.values(d.entries as Record<string, string>)) coverage.add(`${name} = ${v}`);
        return;
      case 'literal':
        for (const v of d.values as unknown[]) coverage.add(`${name} = ${String(v)}`);
        return;
      case 'boolean':
        coverage.add(`${name} = true`).add(`${name} = false`);
        return;
      case 'string': case 'number': case 'null': case 'unknown': case 'any':
        return;
      default:
        throw new Error(`schemaPaths: no walk for zod type "${d.type}" at "${name}"`);
    }
  };
  visit(schema, []);
  return { fields, coverage: [...coverage] };
}

/** The coverage keys (as fieldsOf names them) a value meets: the fields it carries and the variants it takes. */
export function coverageOf(schema: z.ZodType, value: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (s: z.ZodType, v: unknown, path: Step[], sameField = false) => {
    if (v === undefined) return;
    const name = pathName(path);
    if (path.length && !sameField) out.add(name);
    const { inner, nullable } = peel(s);
    if (v === null) {
      if (nullable) out.add(`${name} = null`);
      return;
    }
    if (nullable) out.add(`${name} ≠ null`);
    const d = defOf(inner);
    switch (d.type) {
      case 'object':
        if (isPlainObject(v)) for (const [k, f] of Object.entries(d.shape as Record<string, z.ZodType>)) if (Object.hasOwn(v, k)) visit(f, v[k], [...path, { key: k }]);
        return;
      case 'array':
        if (Array.isArray(v)) for (const x of v) visit(d.element as z.ZodType, x, [...path, { each: true }]);
        return;
      case 'record':
        if (isPlainObject(v)) for (const x of Object.values(v)) visit(d.valueType as z.ZodType, x, [...path, { any: true }]);
        return;
      case 'union': {
        const discriminator = d.discriminator as string | undefined;
        if (discriminator) {
          const o = isPlainObject(v) ? options(d).find((x) => variantValue(x, discriminator) === v[discriminator]) : undefined;
          if (o) visit(o, v, [...path, { variant: { discriminator, value: variantValue(o, discriminator) } }]);
        } else for (const o of options(d)) if (o.safeParse(v).success) visit(o, v, path, true);
        return;
      }
      case 'enum':
        if (Object.values(d.entries as Record<string, unknown>).includes(v)) out.add(`${name} = ${String(v)}`);
        return;
      case 'literal':
        if ((d.values as unknown[]).includes(v)) out.add(`${name} = ${String(v)}`);
        return;
      case 'boolean':
        if (typeof v === 'boolean') out.add(`${name} = ${v}`);
        return;
    }
  };
  visit(schema, value, []);
  return out;
}

/** Where a field's value sits in an entry: its container and key (an index of an array, a new key of a record included). */
export interface Slot {
  parent: Record<string | number, unknown>;
  key: string | number;
}

/**
 * The slot of `path` in `root`, its array elements and record keys chosen by `choose(n)` (an
 * index below n), a record's new key being `freshKey`; null when a container on the way is
 * missing or is another variant. The field itself need not be there: that is a slot to fill.
 */
export function slotOf(root: Record<string, unknown>, path: Step[], choose: (n: number) => number, freshKey: string): Slot | null {
  let slot: Slot = { parent: { root }, key: 'root' };
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    const here = Object.hasOwn(slot.parent, slot.key) ? slot.parent[slot.key] : undefined;
    if ('variant' in step) {
      if (!isPlainObject(here) || here[step.variant.discriminator] !== step.variant.value) return null;
    } else if ('key' in step) {
      if (!isPlainObject(here)) return null;
      slot = { parent: here, key: step.key };
    } else if ('each' in step) {
      if (!Array.isArray(here) || (!last && !here.length)) return null;
      // The last step may also append an element.
      slot = { parent: here as unknown as Record<number, unknown>, key: choose(here.length + (last ? 1 : 0)) };
    } else {
      if (!isPlainObject(here)) return null;
      const keys = Object.keys(here);
      if (!last && !keys.length) return null;
      const k = choose(keys.length + (last ? 1 : 0));
      slot = { parent: here, key: k < keys.length ? keys[k] : freshKey };
    }
  }
  return slot;
}
