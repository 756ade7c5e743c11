import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PlanningError } from './planning.error';

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

type CursorValue = string | number;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The position after which the next page starts; anything but a cursor we handed out is a 400. */
export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
      typeof decoded[1] === 'string' &&
      UUID.test(decoded[1])
    ) {
      return [decoded[0], decoded[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw PlanningError.invalid('cursor', 'The cursor is not one this API handed out.');
}

/** Rows per page: the requested limit, at most MAX_PAGE_SIZE. */
export function pageSize(page: PageRequest): number {
  return Math.min(page.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

/**
 * A page from the rows of a keyset query that asked for one row more than `limit`: that extra
 * row only tells that a next page exists.
 */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValue: (row: T) => CursorValue,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sortValue(last), last.id) : null;
  return { items, nextCursor };
}

/**
 * Keyset pagination on (sort column, id): unlike offsets, pages stay stable while rows are added
 * or removed elsewhere, and deep pages cost as little as the first.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  sortColumn: string,
  sortValue: (row: T) => CursorValue,
  page: PageRequest,
): Promise<Page<T>> {
  const limit = pageSize(page);
  const alias = query.alias;
  if (page.cursor) {
    const [value, id] = decodeCursor(page.cursor);
    query.andWhere(`(${alias}.${sortColumn}, ${alias}.id) > (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.${sortColumn}`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(limit + 1)
    .getMany();
  return pageOf(rows, limit, sortValue);
}
