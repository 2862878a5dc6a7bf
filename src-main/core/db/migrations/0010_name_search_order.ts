import { sql, type Kysely } from 'kysely';

// Frozen once released. The members' name order in a narrow table of its own, keyed by the
// members' rowid (the key of the full-text index): a name search sorts its matches by this
// table's small rows instead of fetching each matching member, so a common first name with
// thousands of matches still pages quickly. Triggers keep it in step with every write.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table member_name_order (rid integer primary key, name_key text not null, id text not null)`.execute(db);
  await sql`insert into member_name_order (rid, name_key, id) select rowid, name_key, id from members`.execute(db);
  await sql`create trigger members_name_order_insert after insert on members begin insert into member_name_order (rid, name_key, id) values (new.rowid, new.name_key, new.id); end`.execute(
    db,
  );
  await sql`create trigger members_name_order_update after update of name_key on members begin update member_name_order set name_key = new.name_key where rid = new.rowid; end`.execute(
    db,
  );
  await sql`create trigger members_name_order_delete after delete on members begin delete from member_name_order where rid = old.rowid; end`.execute(db);
}
