import { sql } from 'kysely';
import { z } from 'zod';
import { conflict } from '../../core/api/errors';
import { verbatim } from '../../../src-shared/i18n';
import { recordText } from '../../core/record-texts';
import type { Database } from '../../core/api/registry';
import { executeCompiled, insertParameters, insertRows } from '../../core/db/compiled';
import { getSetting } from '../../core/settings';
import type { BusinessValues, CheckedMember } from './checks';
import type { MembersTable } from './tables';
import { searchText } from './checks';
import {
  DEFAULT_MEMBER_NUMBER_TEMPLATE,
  formatMemberNumber,
  memberNumberScope,
  memberTemplateProblem,
  parseMemberNumber,
  templatePrefix,
} from './rules/member-number';
import { likeEscape } from '../../core/api/paging';
import { maskNik } from './rules/member-number';

export const MEMBER_NUMBER_SETTING = 'registrations.memberNumberTemplate';
export const MEMBER_SEQUENCE = 'members.number';

export const templateSchema = z.string().refine((t) => memberTemplateProblem(t) === null);

export async function memberNumberTemplate(db: Database): Promise<string> {
  return getSetting(db, MEMBER_NUMBER_SETTING, templateSchema, DEFAULT_MEMBER_NUMBER_TEMPLATE);
}

export async function officeCodes(db: Database): Promise<{ kota: string; kecamatan: string }> {
  const row = (await executeCompiled(db, 'officeCodes', [], () => db.selectFrom('office').select(['kota_kode', 'kecamatan_kode']).compile())).rows.at(0);
  if (!row) throw new Error('no office');
  return { kota: row.kota_kode, kecamatan: row.kecamatan_kode };
}

/**
 * An issued member number that `template` could hand out again: one it can produce whose
 * counter scope has not yet passed it (a new template often starts a new scope at 1). Null when
 * the template is safe. Only numbers sharing the template's fixed beginning are read.
 */
export async function collidingMemberNumber(db: Database, template: string): Promise<{ memberNo: string; fullName: string } | null> {
  const office = await officeCodes(db);
  const parse = parseMemberNumber(template, office);
  const prefix = templatePrefix(template, office);
  let q = db.selectFrom('members').select(['member_no', 'full_name']);
  if (prefix) q = q.where(sql<boolean>`member_no like ${likeEscape(prefix) + '%'} escape '\\'`);
  const counters = new Map<string, number>();
  for (const row of await q.execute()) {
    const parsed = parse(row.member_no);
    if (!parsed) continue;
    if (!counters.has(parsed.scope)) {
      const c = await db.selectFrom('sequences').select('value').where('name', '=', MEMBER_SEQUENCE).where('scope', '=', parsed.scope).executeTakeFirst();
      counters.set(parsed.scope, c?.value ?? 0);
    }
    if ((counters.get(parsed.scope) ?? 0) < parsed.seq) return { memberNo: row.member_no, fullName: row.full_name };
  }
  return null;
}

/** Takes `count` consecutive values of a counter in the caller's transaction; returns the first. */
export async function reserveSequence(db: Database, name: string, scope: string, count: number): Promise<number> {
  const row = await executeCompiled(db, 'reserveSequence', [name, scope, count, count], () =>
    sql<{ value: number }>`
    insert into sequences (name, scope, value) values (${name}, ${scope}, ${count})
    on conflict (name, scope) do update set value = sequences.value + ${count}
    returning value`.compile(db),
  );
  return row.rows[0].value - count + 1;
}

/** Existing member with this NIK, for the "already registered" refusal. */
export async function findByNik(db: Database, nik: string) {
  const query = () => db.selectFrom('members').select(['id', 'member_no as memberNo', 'full_name as fullName']).where('nik', '=', nik);
  return (await executeCompiled(db, 'findByNik', [nik], () => query().compile())).rows[0] as Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirst']>>;
}

/** A member with the same normalised name and birth date but another NIK: probably the same person. */
export async function findLikelyDuplicate(db: Database, nameKey: string, birthDate: string, nik: string, exceptId?: string) {
  const query = () => {
    let q = db
      .selectFrom('members')
      .select(['id', 'member_no as memberNo', 'full_name as fullName', 'nik'])
      .where('name_key', '=', nameKey)
      .where('birth_date', '=', birthDate)
      .where('nik', '!=', nik);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q;
  };
  const shape = exceptId ? 'likelyDuplicateExcept' : 'likelyDuplicate';
  const row = (await executeCompiled(db, shape, exceptId ? [nameKey, birthDate, nik, exceptId] : [nameKey, birthDate, nik], () => query().compile())).rows.at(
    0,
  );
  return row ? { id: row.id, memberNo: row.memberNo, fullName: row.fullName, nikMasked: maskNik(row.nik) } : undefined;
}

export function nikTakenError(existing: { id: string; memberNo: string; fullName: string }) {
  const message = {
    id: `NIK: sudah terdaftar atas nama ${existing.fullName} (${existing.memberNo})`,
    en: `NIK: already registered to ${existing.fullName} (${existing.memberNo})`,
  };
  // The existing member travels with the refusal, for the form's link to it.
  return conflict(message, { nik: message, existingMemberId: verbatim(existing.id), existingMemberNo: verbatim(existing.memberNo) });
}

export interface NewMember {
  checked: CheckedMember;
  registeredOn: string;
}

export interface InsertedMember {
  id: string;
  rowid: number;
  memberNo: string;
  businessIds: string[];
  /** The member row as written (for the audit entry, without reading it back). */
  row: MembersTable;
}

export interface Actor {
  userId: string | null;
  nowIso: string;
  newId(): string;
  /** Source recorded on the P1 stage: 'registration' or 'import'. */
  source: string;
}

const CHUNK = 200;

/**
 * Writes new members with their businesses, member numbers, search index entries and P1 stage,
 * in the caller's transaction. Callers have checked the rules and the duplicates already.
 */
export async function insertMembers(db: Database, items: NewMember[], actor: Actor): Promise<InsertedMember[]> {
  if (items.length === 0) return [];
  const template = await memberNumberTemplate(db);
  const office = await officeCodes(db);

  // Member numbers: one reservation per counter scope.
  const numbers: string[] = new Array<string>(items.length);
  const byScope = new Map<string, number[]>();
  items.forEach((item, i) => {
    const vars = { ...office, kelurahan: item.checked.member.kelurahan_kode, registeredOn: item.registeredOn };
    const scope = memberNumberScope(template, vars);
    const list = byScope.get(scope) ?? [];
    list.push(i);
    byScope.set(scope, list);
  });
  for (const [scope, indexes] of byScope) {
    const first = await reserveSequence(db, MEMBER_SEQUENCE, scope, indexes.length);
    indexes.forEach((i, k) => {
      const item = items[i];
      numbers[i] = formatMemberNumber(template, { ...office, kelurahan: item.checked.member.kelurahan_kode, registeredOn: item.registeredOn }, first + k);
    });
  }

  const out: InsertedMember[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const slice = items.slice(start, start + CHUNK);
    const memberRows = slice.map((item, k) => ({
      ...item.checked.member,
      id: actor.newId(),
      member_no: numbers[start + k],
      registered_on: item.registeredOn,
      created_by: actor.userId,
      created_at: actor.nowIso,
      updated_at: actor.nowIso,
    }));
    const shape = insertParameters(memberRows);
    const returning = (rows: typeof memberRows) =>
      db
        .insertInto('members')
        .values(rows)
        .returning(['id', sql<number>`rowid`.as('rowid')]);
    const inserted = shape
      ? (await executeCompiled(db, `insertMembers:${shape.columns.join(',')}:${memberRows.length}`, shape.parameters, () => returning(memberRows).compile()))
          .rows
      : await returning(memberRows).execute();
    const rowids = new Map(inserted.map((r) => [r.id, r.rowid]));
    const rowidOf = (memberId: string) => {
      const rowid = rowids.get(memberId);
      if (rowid === undefined) throw new Error(`member ${memberId} was not returned by its insert`);
      return rowid;
    };

    const businessRows: (BusinessValues & { id: string; member_id: string; created_at: string; updated_at: string })[] = [];
    const perMember: string[][] = [];
    slice.forEach((item, k) => {
      const ids: string[] = [];
      for (const b of item.checked.businesses) {
        const id = actor.newId();
        ids.push(id);
        businessRows.push({ ...b, id, member_id: memberRows[k].id, created_at: actor.nowIso, updated_at: actor.nowIso });
      }
      perMember.push(ids);
    });
    for (let b = 0; b < businessRows.length; b += CHUNK) await insertRows(db, 'businesses', businessRows.slice(b, b + CHUNK));

    const fts = slice.map((item, k) => ({ rowid: rowidOf(memberRows[k].id), ...searchText(item.checked.member, item.checked.businesses) }));
    await executeCompiled(
      db,
      `insertMembersFts:${fts.length}`,
      fts.flatMap((f) => [f.rowid, f.name, f.businesses]),
      () =>
        sql`insert into members_fts (rowid, name, businesses) values ${sql.join(fts.map((f) => sql`(${f.rowid}, ${f.name}, ${f.businesses})`))}`.compile(db),
    );

    // Members created a moment ago in this transaction have no stage yet, so completeStage
    // would insert exactly these rows; they go in one statement.
    await insertRows(
      db,
      'member_stages',
      memberRows.map((m) => ({
        member_id: m.id,
        stage_code: 'P1',
        status: 'selesai' as const,
        completed_on: m.registered_on,
        evidence: recordText('registration', { number: m.member_no }),
        source: actor.source,
        source_id: m.id,
        recorded_by: actor.userId,
        recorded_at: actor.nowIso,
      })),
    );
    for (let k = 0; k < slice.length; k++) {
      const m = memberRows[k];
      out.push({ id: m.id, rowid: rowidOf(m.id), memberNo: m.member_no, businessIds: perMember[k], row: m });
    }
  }
  return out;
}

/** Rewrites a member's search index entry from the stored names. */
export async function refreshSearch(db: Database, memberId: string): Promise<void> {
  const m = await db
    .selectFrom('members')
    .select([sql<number>`rowid`.as('rowid'), 'name_key'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  const businesses = await db.selectFrom('businesses').select('name_key').where('member_id', '=', memberId).orderBy('created_at').execute();
  const t = searchText(m, businesses);
  await sql`delete from members_fts where rowid = ${m.rowid}`.execute(db);
  await sql`insert into members_fts (rowid, name, businesses) values (${m.rowid}, ${t.name}, ${t.businesses})`.execute(db);
}
