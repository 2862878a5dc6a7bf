import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { pageInput } from '../../core/api/paging';
import type { Database } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import type { DB } from '../../core/db/schema';
import { reverse } from './checks';
import { maskNik } from './rules/member-number';
import { nameTokens } from './rules/names';
import { kelurahanField, scales, skpds, stageCodes, targetGroups } from './schemas';

export const memberSorts = ['name', 'memberNo', 'registeredOn', 'kelurahan'] as const;

export const memberFilters = {
  search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
  kelurahanKode: kelurahanField({ id: 'Kelurahan', en: 'Kelurahan' }).optional(),
  targetGroup: label(z.enum(targetGroups), { id: 'Kategori sasaran', en: 'Target group' }).optional(),
  skpd: label(z.enum(skpds), { id: 'SKPD pengampu', en: 'SKPD pengampu' }).optional(),
  stage: label(z.enum(stageCodes), { id: 'Tahap yang dicapai', en: 'Stage reached' }).optional(),
  scale: label(z.enum(scales), { id: 'Skala usaha', en: 'Business scale' }).optional(),
  status: label(z.enum(['aktif', 'nonaktif']), { id: 'Status', en: 'Status' }).optional(),
};

export const listInput = z.strictObject({
  ...pageInput(memberSorts, 'name'),
  ...memberFilters,
});
export type ListInput = z.output<typeof listInput>;
export type MemberFilters = Omit<ListInput, 'page' | 'pageSize' | 'sort' | 'dir'>;

/** Upper bound of a text prefix range: every string starting with `p` sorts in [p, p + U+FFFF). */
const upper = (p: string) => `${p}\uffff`;

/** The FTS5 query for free text: each normalised word as a prefix, all words required. */
export function ftsQuery(text: string): string | null {
  const tokens = nameTokens(text).slice(0, 8);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}

type MembersQuery = SelectQueryBuilder<DB, 'members', object>;

const looksLikeMemberNo = (s: string) => /^[A-Za-z]{1,6}[-/.]\S*\d/.test(s);

/** The full-text query when the search is the only filter and is a name search, else null. */
function searchOnlyFts(f: MemberFilters): string | null {
  const search = f.search?.trim();
  if (!search || f.kelurahanKode || f.targetGroup || f.skpd || f.stage || f.scale || f.status) return null;
  if (/^\d{3,}$/.test(search.replace(/[\s.\-+()]/g, '')) || looksLikeMemberNo(search)) return null;
  return ftsQuery(search);
}

/** Applies the search and the filters; each maps to an indexed access path. */
/**
 * `selective`: the stage and scale filters match few members, so the page is built from their
 * lists (IN); otherwise the page walks the sort index and checks each member (EXISTS), which
 * stops as soon as the page is full.
 */
export function applyFilters(q: MembersQuery, f: MemberFilters, selective = false, walkSortIndex = false): MembersQuery {
  const search = f.search?.trim();
  if (search) {
    const compact = search.replace(/[\s.\-+()]/g, '');
    if (/^\d{3,}$/.test(compact)) {
      if (compact.length === 16) q = q.where('members.nik', '=', compact);
      else {
        const rev = reverse(compact);
        const phone = compact.startsWith('62') ? `0${compact.slice(2)}` : compact;
        q = q.where((eb) => {
          const parts = [eb.and([eb('members.nik_rev', '>=', rev), eb('members.nik_rev', '<', upper(rev))])];
          if (phone.startsWith('0')) parts.push(eb.and([eb('members.phone', '>=', phone), eb('members.phone', '<', upper(phone))]));
          return eb.or(parts);
        });
      }
    } else if (looksLikeMemberNo(search)) {
      // Looks like a member number: prefix search on it.
      const p = search.toUpperCase();
      q = q.where((eb) => eb.and([eb('members.member_no', '>=', p), eb('members.member_no', '<', upper(p))]));
    } else {
      const match = ftsQuery(search);
      if (match) q = q.where(sql<boolean>`members.rowid in (select rowid from members_fts where members_fts match ${match})`);
    }
  }
  if (f.kelurahanKode) q = q.where('members.kelurahan_kode', '=', f.kelurahanKode);
  // Every target group and SKPD holds a good share of the members, so for a sort other than
  // the name a page is found fastest by walking the sort's index and checking the value: the
  // unary + keeps SQLite from reading the whole group through its index and sorting it.
  if (f.targetGroup) q = walkSortIndex ? q.where(sql<boolean>`+members.target_group = ${f.targetGroup}`) : q.where('members.target_group', '=', f.targetGroup);
  if (f.skpd) q = walkSortIndex ? q.where(sql<boolean>`+members.skpd = ${f.skpd}`) : q.where('members.skpd', '=', f.skpd);
  if (f.status) q = q.where('members.status', '=', f.status);
  if (f.stage) {
    const stage = f.stage;
    const list = (eb: ExpressionBuilder<DB, 'members'>) =>
      eb
        .selectFrom('member_stages')
        .whereRef('member_stages.member_id', '=', 'members.id')
        .where('member_stages.stage_code', '=', stage)
        .where('member_stages.status', '=', 'selesai');
    q = selective
      ? q.where('members.id', 'in', (eb) =>
          eb
            .selectFrom('member_stages')
            .select('member_stages.member_id')
            .where('member_stages.stage_code', '=', stage)
            .where('member_stages.status', '=', 'selesai'),
        )
      : q.where((eb: ExpressionBuilder<DB, 'members'>) => eb.exists(list(eb).select(sql`1`.as('one'))));
  }
  if (f.scale) {
    const scale = f.scale;
    q = selective
      ? q.where('members.id', 'in', (eb) => eb.selectFrom('businesses').select('businesses.member_id').where('businesses.scale', '=', scale))
      : q.where((eb: ExpressionBuilder<DB, 'members'>) =>
          eb.exists(
            eb
              .selectFrom('businesses')
              .select(sql`1`.as('one'))
              .whereRef('businesses.member_id', '=', 'members.id')
              .where('businesses.scale', '=', scale),
          ),
        );
  }
  return q;
}

export const hasFilters = (f: MemberFilters) => [f.search?.trim(), f.kelurahanKode, f.targetGroup, f.skpd, f.stage, f.scale, f.status].some(Boolean);

const sortColumns = {
  name: ['members.name_key', 'members.id'],
  memberNo: ['members.member_no'],
  registeredOn: ['members.registered_on', 'members.id'],
  kelurahan: ['members.kelurahan_kode', 'members.name_key', 'members.id'],
} as const;

/**
 * The page's rows. The filters and the sort pick the page's rowids first (index columns only);
 * the display columns and the per-row subqueries (kelurahan name, businesses, stages) are then
 * computed for those rows alone, not for every row the sort had to look at.
 */
export function orderedPage(db: Database, f: MemberFilters, sort: ListInput['sort'], dir: 'asc' | 'desc', limit?: number, offset = 0, selective = false) {
  let pageIds = pageRowids(db, f, sort, dir, selective);
  if (limit !== undefined) pageIds = pageIds.limit(limit).offset(offset);
  let q = db.selectFrom('members').where(sql<number>`members.rowid`, 'in', pageIds as never);
  for (const c of sortColumns[sort]) q = q.orderBy(c, dir);
  return q
    .select([
      'members.id',
      'members.member_no as memberNo',
      'members.nik',
      'members.full_name as fullName',
      'members.gender',
      'members.birth_date as birthDate',
      'members.kelurahan_kode as kelurahanKode',
      'members.phone',
      'members.target_group as targetGroup',
      'members.skpd',
      'members.status',
      'members.registered_on as registeredOn',
    ])
    .select((eb) => [
      eb.selectFrom('regions').select('regions.nama').whereRef('regions.kode', '=', 'members.kelurahan_kode').as('kelurahanNama'),
      eb
        .selectFrom('businesses')
        .select(sql<string>`group_concat(businesses.name, '; ')`.as('names'))
        .whereRef('businesses.member_id', '=', 'members.id')
        .as('businessNames'),
      eb
        .selectFrom('member_stages')
        .select(sql<string>`group_concat(member_stages.stage_code, ',')`.as('stages'))
        .whereRef('member_stages.member_id', '=', 'members.id')
        .where('member_stages.status', '=', 'selesai')
        .as('stagesDone'),
    ]);
}

/**
 * A query of member rowids in the view's order. Its two shapes read different tables; callers
 * only page it and use it as a subquery, so one type stands for both.
 */
type RowidQuery = SelectQueryBuilder<DB, 'members', { rid: number }>;

/** The rowids of the view's members in its order (before paging). */
function pageRowids(db: Database, f: MemberFilters, sort: ListInput['sort'], dir: 'asc' | 'desc', selective: boolean): RowidQuery {
  const match = sort === 'name' ? searchOnlyFts(f) : null;
  if (match) {
    // A name search in name order: the matches are sorted by their rows in member_name_order,
    // a few bytes each, rather than by fetching every matching member.
    return db
      .selectFrom('member_name_order as o')
      .where(sql<boolean>`o.rid in (select rowid from members_fts where members_fts match ${match})`)
      .orderBy('o.name_key', dir)
      .orderBy('o.id', dir)
      .select('o.rid as rid') as unknown as RowidQuery;
  }
  let inner = applyFilters(db.selectFrom('members'), f, selective, sort !== 'name');
  for (const c of sortColumns[sort]) inner = inner.orderBy(c, dir);
  return inner.select(sql<number>`members.rowid`.as('rid'));
}

/** Counts above this are reported as "more than": counting every match costs more than the page. */
export const COUNT_CAP = 10_000;

/**
 * The total of a filtered list, each case by its cheapest exact count: the trigger-kept total,
 * the full-text index, one index range, the stage or scale lists. Combinations of filters are
 * counted up to COUNT_CAP (then `capped`).
 */
export function countQuery(db: Database, f: MemberFilters) {
  if (!hasFilters(f)) return db.selectFrom('member_totals').select('total').where('id', '=', 1);
  const match = searchOnlyFts(f);
  if (match) return db.selectNoFrom(sql<number>`(select count(*) from members_fts where members_fts match ${match})`.as('total'));
  const set = [
    f.search?.trim() ? 'search' : '',
    f.kelurahanKode ? 'k' : '',
    f.targetGroup ? 't' : '',
    f.skpd ? 's' : '',
    f.stage ? 'p' : '',
    f.scale ? 'c' : '',
    f.status ? 'x' : '',
  ].filter(Boolean);
  if (set.length === 1 && f.stage) {
    return db
      .selectFrom('member_stages')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('stage_code', '=', f.stage)
      .where('status', '=', 'selesai');
  }
  if (set.length === 1 && f.scale) {
    return db
      .selectFrom('businesses')
      .select(sql<number>`count(distinct member_id)`.as('total'))
      .where('scale', '=', f.scale);
  }
  if (set.length === 1 && !f.search) return applyFilters(db.selectFrom('members') as MembersQuery, f).select((eb) => eb.fn.countAll<number>().as('total'));
  const limited = applyFilters(db.selectFrom('members') as MembersQuery, f)
    .select(sql`1`.as('one'))
    .limit(COUNT_CAP + 1);
  return db.selectFrom(limited.as('l')).select((eb) => eb.fn.countAll<number>().as('total'));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>['rows'][number];

/** One page of members and the total, in two queries; the unfiltered total comes from a counter. */
export async function listMembers(db: Database, input: ListInput) {
  const c = await countQuery(db, input).executeTakeFirst();
  const counted = (c as { total?: number } | undefined)?.total ?? 0;
  const capped = counted > COUNT_CAP;
  const total = capped ? COUNT_CAP : counted;
  // Few matches: build the page from the stage/scale lists rather than walking the sort index.
  const selective = [input.stage, input.scale].some(Boolean) && counted <= 2000;
  const rows = await orderedPage(db, input, input.sort, input.dir, input.pageSize, input.page * input.pageSize, selective).execute();
  return {
    rows: rows.map(({ nik, ...r }) => ({
      ...r,
      nikMasked: maskNik(nik),
      businessNames: r.businessNames ?? '',
      stagesDone: r.stagesDone ? r.stagesDone.split(',').sort() : [],
    })),
    total,
    /** True when more than `total` members match (the count stops at COUNT_CAP). */
    totalCapped: capped,
    page: input.page,
    pageSize: input.pageSize,
  };
}
