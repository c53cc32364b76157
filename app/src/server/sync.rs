//! Push and pull: applying clients' mutations in one transaction, and reading changes since a cursor.

use super::db::{Backend, Pool, Tx};
use super::{session::Caller, ServerContext};
use crate::on_db;
use crate::{
    error::AppError,
    kinds,
    relationships::Role,
    sync::{
        schema::{admit, check_new, writer_of, KindSpec, Stored, DELETED},
        Change, Clock, Cursors, Hlc, Kind, Mutation, NodeId, Outcome, PullReply, Pulled, PushReply,
        Rejection, MAX_BATCH, MAX_CURSORS, MAX_PULL,
    },
};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use uuid::Uuid;

/// The server's clock; it starts past every stamp already stored. Its node id is drawn at random
/// for each process, so that servers sharing a database never pass for one another.
pub struct ServerClock(Mutex<Clock>);

impl ServerClock {
    pub async fn load(pool: &Pool) -> Result<Self, sqlx::Error> {
        let latest: Option<(Option<String>,)> = on_db!(pool, |pool| {
            sqlx::query_as("SELECT MAX(hlc) FROM record_fields")
                .fetch_optional(pool)
                .await?
        });
        let mut clock = Clock::new(NodeId(rand::RngCore::next_u64(&mut rand::rngs::OsRng)));
        if let Some(latest) = latest.and_then(|(h,)| h?.parse::<Hlc>().ok()) {
            // Stored stamps were accepted once; observe them without the drift limit.
            let _ = clock.observe(latest, latest.millis);
        }
        Ok(Self(Mutex::new(clock)))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Clock) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Whether a stamp from elsewhere is plausible now (not far ahead), moving past it if so.
    pub fn accepts(&self, hlc: Hlc) -> bool {
        self.with(|c| c.observe(hlc, wall_millis())).is_ok()
    }
}

fn wall_millis() -> u64 {
    u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0)
}

/// The caller's role in each relationship they belong to, and whether it has ended.
const MEMBERSHIPS: &str = "SELECT m.relationship_id, m.role, r.ended_at FROM memberships m
     JOIN relationships r ON r.id = m.relationship_id WHERE m.user_id = $1";

type MembershipRow = (String, String, Option<DateTime<Utc>>);

fn memberships(rows: Vec<MembershipRow>) -> HashMap<Uuid, (Role, bool)> {
    rows.into_iter()
        .filter_map(|(id, role, ended)| {
            Some((
                Uuid::parse_str(&id).ok()?,
                (Role::parse(&role).ok()?, ended.is_some()),
            ))
        })
        .collect()
}

/// The longest a push beyond its account's share waits before it is refused.
const REFUSAL_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

pub async fn push(
    ctx: &ServerContext,
    caller: &Caller,
    batch: Vec<Mutation>,
) -> Result<PushReply, AppError> {
    if batch.len() > MAX_BATCH {
        return Err(AppError::BadRequest);
    }
    // Counted before any work: a push beyond the account's share costs the server nothing more.
    let bytes: usize = batch
        .iter()
        .map(|m| m.change.field.len() + m.change.value.to_string().len())
        .sum();
    if let Err(wait) = ctx.pushes.check(
        &caller.id.to_string(),
        u32::try_from(batch.len()).unwrap_or(u32::MAX),
        u32::try_from(bytes).unwrap_or(u32::MAX),
    ) {
        // Answered late, holding one of the account's turns: a client that resends at once
        // gets about one answer a second per turn, instead of thousands.
        let slept = wait.min(REFUSAL_AFTER);
        tokio::time::sleep(slept).await;
        return Err(AppError::TooManyChanges(
            (wait - slept).as_secs_f64().ceil().max(1.0) as u64,
        ));
    }
    // One push at a time hands out versions: they are then visible in the order handed out.
    // Memberships are read inside: a relationship that ended while this push waited its turn
    // takes no more writes.
    let (mut tx, version) = ctx.writer.begin_versions().await?;
    // On PostgreSQL the relationships' rows are held, so that an end cannot commit meanwhile
    // (SQLite has one writer: nothing else commits meanwhile).
    let members = memberships(match &mut tx {
        Backend::Sqlite(tx) => {
            sqlx::query_as(MEMBERSHIPS)
                .bind(caller.id.to_string())
                .fetch_all(&mut **tx)
                .await?
        }
        Backend::Postgres(tx) => {
            sqlx::query_as(&format!("{MEMBERSHIPS} FOR SHARE OF r"))
                .bind(caller.id.to_string())
                .fetch_all(&mut **tx)
                .await?
        }
    });
    // The whole batch is decided in memory against what is stored, then written in a few
    // statements: a statement costs more than deciding a change (5,570 changes/s one by one).
    let mut known = Known::load(&mut tx, version, &batch).await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for mutation in &batch {
        let outcome = match known.apply(ctx, caller, &members, &mutation.change) {
            Ok(()) => Outcome::Acknowledged,
            Err(rejection) => Outcome::Rejected(rejection),
        };
        outcomes.push((mutation.id, outcome));
    }
    // A record this push makes is kept only whole, under the id its kind derives: else none of
    // the push's changes to it are.
    for (record, rejection) in known.refuse_unfit_new(&members) {
        for (mutation, outcome) in batch.iter().zip(&mut outcomes) {
            if mutation.change.record == record && outcome.1 == Outcome::Acknowledged {
                outcome.1 = Outcome::Rejected(rejection);
            }
        }
    }
    let touched = known.touched();
    known.save(&mut tx).await?;
    tx.commit().await?;
    ctx.hints.after_push(ctx, caller, touched).await;
    Ok(PushReply {
        outcomes,
        clock: ctx.clock.with(|c| c.last()),
    })
}

/// A record's header as stored: the relationship, kind, author and privacy fixed at creation.
struct Header {
    relationship: String,
    kind: String,
    author: String,
    private: bool,
}

/// A field's value and stamp as stored, and the version to write it with if it changed.
struct FieldState {
    value: String,
    hlc: String,
    version: Option<i64>,
    /// The length of the value stored before this push; none for a new field.
    stored_len: Option<usize>,
}

/// What a field costs its author's share of a relationship: its value, and what its name, stamp
/// and ids take beside it (on the server and on the devices).
pub fn cost(len: Option<usize>) -> i64 {
    const PER_FIELD: i64 = 64;
    len.map_or(0, |len| len as i64 + PER_FIELD)
}

/// What is stored of the batch's records, updated as each change is admitted, and what to write.
struct Known {
    headers: HashMap<String, Header>,
    fields: HashMap<(String, String), FieldState>,
    /// Records first written by this batch, in order.
    created: Vec<String>,
    version: i64,
    first_version: i64,
    /// The bytes each person's records hold in each relationship of the batch, as the batch's
    /// changes are admitted.
    sizes: HashMap<(String, String), i64>,
}

impl Known {
    async fn load(tx: &mut Tx, version: i64, batch: &[Mutation]) -> Result<Self, AppError> {
        let mut ids: Vec<String> = batch.iter().map(|m| m.change.record.to_string()).collect();
        ids.sort();
        ids.dedup();
        let mut known = Self {
            headers: HashMap::new(),
            fields: HashMap::new(),
            created: Vec::new(),
            version,
            first_version: version,
            sizes: HashMap::new(),
        };
        if ids.is_empty() {
            return Ok(known);
        }
        let rows: Vec<(String, String, String, String, bool)> = on_db!(&mut *tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, relationship_id, kind, author_id, private FROM records WHERE id IN (",
            );
            let mut list = query.separated(", ");
            for id in &ids {
                list.push_bind(id);
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(&mut **tx).await?
        });
        for (id, relationship, kind, author, private) in rows {
            let header = Header {
                relationship,
                kind,
                author,
                private,
            };
            known.headers.insert(id, header);
        }
        let rows: Vec<(String, String, String, String)> = on_db!(tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT record_id, field, value, hlc FROM record_fields WHERE record_id IN (",
            );
            let mut list = query.separated(", ");
            for id in &ids {
                list.push_bind(id);
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(&mut **tx).await?
        });
        for (record, field, value, hlc) in rows {
            let state = FieldState {
                stored_len: Some(value.len()),
                value,
                hlc,
                version: None,
            };
            known.fields.insert((record, field), state);
        }
        let mut relationships: Vec<String> = batch
            .iter()
            .map(|m| m.change.relationship.to_string())
            .collect();
        relationships.sort();
        relationships.dedup();
        let sizes: Vec<(String, String, i64)> = on_db!(tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT relationship_id, author_id, bytes FROM relationship_usage
                 WHERE relationship_id IN (",
            );
            let mut list = query.separated(", ");
            for id in &relationships {
                list.push_bind(id);
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(&mut **tx).await?
        });
        known.sizes = sizes
            .into_iter()
            .map(|(relationship, author, bytes)| ((relationship, author), bytes))
            .collect();
        Ok(known)
    }

    /// Decides one change by the sync core's rules (`schema::admit`), with the kind its feature
    /// registered, and records it when it wins.
    fn apply(
        &mut self,
        ctx: &ServerContext,
        caller: &Caller,
        members: &HashMap<Uuid, (Role, bool)>,
        change: &Change,
    ) -> Result<(), Rejection> {
        let spec = kinds::spec(change.kind.as_str());
        let writer = writer_of(
            members
                .get(&change.relationship)
                .map(|(role, ended)| (role.as_str(), *ended)),
            spec,
        );
        let record = change.record.to_string();
        let stored = match (writer, spec) {
            (Some(_), Some(spec)) => self.stored(&record, caller, change, spec),
            _ => None,
        };
        let write = admit(
            spec,
            change,
            writer,
            |hlc| ctx.clock.with(|c| c.observe(hlc, wall_millis())).is_ok(),
            stored.as_ref(),
        )?;
        let key = (record.clone(), change.field.clone());
        let value = change.value.to_string();
        let stored_len = self.fields.get(&key).and_then(|f| f.stored_len);
        if write {
            // Counted against the record's author, so that neither person can use up the
            // other's room. Only growth is refused: a full share can still be shortened, and
            // anything deleted.
            let now = self.fields.get(&key).map(|f| f.value.len());
            let grows = cost(Some(value.len())) - cost(now);
            let author = self
                .headers
                .get(&record)
                .map_or_else(|| caller.id.to_string(), |h| h.author.clone());
            let size = self
                .sizes
                .entry((change.relationship.to_string(), author))
                .or_default();
            if grows > 0 && change.field != DELETED && *size + grows > ctx.relationship_bytes {
                return Err(Rejection::Full);
            }
            *size += grows;
        }
        if stored.is_none() {
            let header = Header {
                relationship: change.relationship.to_string(),
                kind: change.kind.as_str().to_owned(),
                author: caller.id.to_string(),
                private: change.private,
            };
            self.headers.insert(record.clone(), header);
            self.created.push(record.clone());
        }
        if write {
            self.version += 1;
            let state = FieldState {
                value,
                hlc: change.hlc.to_string(),
                version: Some(self.version),
                stored_len,
            };
            self.fields.insert(key, state);
        }
        Ok(())
    }

    /// What is stored of the record a change is about: its header, the changed field's stamp,
    /// and the owner field its kind declares.
    fn stored(
        &self,
        record: &str,
        caller: &Caller,
        change: &Change,
        spec: &KindSpec,
    ) -> Option<Stored> {
        let header = self.headers.get(record)?;
        let field = |name: &str| self.fields.get(&(record.to_owned(), name.to_owned()));
        Some(Stored {
            // A header that does not parse belongs to no relationship: the change is a mismatch.
            relationship: Uuid::parse_str(&header.relationship).unwrap_or_default(),
            kind: Kind::from(header.kind.clone()),
            private: header.private,
            by_writer: header.author == caller.id.to_string(),
            new: self.created.iter().any(|r| r == record),
            owner: spec
                .owner
                .and_then(field)
                .and_then(|f| serde_json::from_str::<String>(&f.value).ok()),
            hlc: field(&change.field).and_then(|f| f.hlc.parse::<Hlc>().ok()),
            holds: field(&change.field).is_some_and(|f| {
                serde_json::from_str::<serde_json::Value>(&f.value).is_ok_and(|v| v == change.value)
            }),
        })
    }

    /// Forgets every record this batch made that is not whole or not under the id its kind
    /// derives (`schema::check_new`), and says which, and why.
    fn refuse_unfit_new(
        &mut self,
        members: &HashMap<Uuid, (Role, bool)>,
    ) -> Vec<(Uuid, Rejection)> {
        let mut refused = Vec::new();
        for record in &self.created {
            let header = &self.headers[record];
            let Some(spec) = kinds::spec(&header.kind) else {
                continue;
            };
            let relationship = Uuid::parse_str(&header.relationship).unwrap_or_default();
            let role = members
                .get(&relationship)
                .map_or("", |(role, _)| role.as_str());
            let id = Uuid::parse_str(record).unwrap_or_default();
            let value = |field: &str| {
                let state = self.fields.get(&(record.clone(), field.to_owned()))?;
                serde_json::from_str(&state.value).ok()
            };
            if let Err(rejection) = check_new(spec, id, relationship, role, value) {
                refused.push((id, rejection));
            }
        }
        for (id, _) in &refused {
            let record = id.to_string();
            self.created.retain(|r| *r != record);
            self.headers.remove(&record);
            self.fields.retain(|(r, _), _| *r != record);
        }
        refused
    }

    /// What the batch changed, for [`super::hints`]: the relationships with a shared record
    /// changed, and whether a private record of the caller's changed.
    fn touched(&self) -> Touched {
        let mut touched = Touched::default();
        for ((record, _), state) in &self.fields {
            let header = &self.headers[record];
            if state.version.is_none() {
                continue;
            }
            if header.private {
                touched.private = true;
            } else if !touched.shared.contains(&header.relationship) {
                touched.shared.push(header.relationship.clone());
            }
        }
        touched
    }

    /// Writes the new records, the changed fields and the last version handed out.
    async fn save(self, tx: &mut Tx) -> Result<(), AppError> {
        if !self.created.is_empty() {
            on_db!(&mut *tx, |tx| {
                let mut query = sqlx::QueryBuilder::new(
                    "INSERT INTO records (id, relationship_id, kind, author_id, private) ",
                );
                query.push_values(&self.created, |mut row, id| {
                    let header = &self.headers[id];
                    row.push_bind(id)
                        .push_bind(&header.relationship)
                        .push_bind(&header.kind)
                        .push_bind(&header.author)
                        .push_bind(header.private);
                });
                query.build().execute(&mut **tx).await?;
            });
        }
        let changed: Vec<_> = self
            .fields
            .iter()
            .filter_map(|((record, field), state)| Some((record, field, state, state.version?)))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        // What each person's share grew (or shrank) by: of the changes kept, not those refused.
        let mut grown: HashMap<(&str, &str), i64> = HashMap::new();
        for (record, _, state, _) in &changed {
            let header = &self.headers[*record];
            *grown
                .entry((header.relationship.as_str(), header.author.as_str()))
                .or_default() += cost(Some(state.value.len())) - cost(state.stored_len);
        }
        grown.retain(|_, grew| *grew != 0);
        on_db!(tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "INSERT INTO record_fields (record_id, field, value, hlc, relationship_id, version) ",
            );
            query.push_values(&changed, |mut row, (record, field, state, version)| {
                row.push_bind(*record)
                    .push_bind(*field)
                    .push_bind(&state.value)
                    .push_bind(&state.hlc)
                    .push_bind(&self.headers[*record].relationship)
                    .push_bind(*version);
            });
            query.push(
                " ON CONFLICT (record_id, field) DO UPDATE
                 SET value = excluded.value, hlc = excluded.hlc, version = excluded.version",
            );
            query.build().execute(&mut **tx).await?;
            if self.version != self.first_version {
                sqlx::query("UPDATE sync_state SET version = $1 WHERE id = 1")
                    .bind(self.version)
                    .execute(&mut **tx)
                    .await?;
            }
            for ((relationship, author), grew) in &grown {
                sqlx::query(
                    "INSERT INTO relationship_usage (relationship_id, author_id, bytes)
                     VALUES ($1, $2, $3) ON CONFLICT (relationship_id, author_id)
                     DO UPDATE SET bytes = relationship_usage.bytes + excluded.bytes",
                )
                .bind(relationship)
                .bind(author)
                .bind(grew)
                .execute(&mut **tx)
                .await?;
            }
        });
        Ok(())
    }
}

/// What a push changed: see [`Known::touched`].
#[derive(Default)]
pub struct Touched {
    pub shared: Vec<String>,
    pub private: bool,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    relationship_id: String,
    record_id: String,
    kind: String,
    private: bool,
    field: String,
    value: String,
    hlc: String,
    version: i64,
}

/// The longest a pull beyond its account's share waits before it is answered all the same.
const PULL_WAITS_AT_MOST: std::time::Duration = std::time::Duration::from_secs(1);

/// Everything changed since the cursors, in every relationship the caller is in
/// (ended ones too: they stay readable). Other people's private records are left out. One
/// query for all of them, in the order of versions, so that a cut after `MAX_PULL` changes
/// leaves each relationship read up to a version with nothing skipped before it.
pub async fn pull(
    ctx: &ServerContext,
    caller: &Caller,
    cursors: Cursors,
) -> Result<PullReply, AppError> {
    if cursors.len() > MAX_CURSORS {
        return Err(AppError::BadRequest);
    }
    // Past its share, an account's pull waits, holding its turn, but is never refused: a device
    // told of many changes in a row is slowed, and still gets every one.
    let waited = std::time::Instant::now();
    while let Err(wait) = ctx.pulls.check(&caller.id.to_string()) {
        let Some(left) = PULL_WAITS_AT_MOST.checked_sub(waited.elapsed()) else {
            break;
        };
        tokio::time::sleep(wait.min(left)).await;
    }
    // One cursor per relationship: the join below must not see a relationship twice.
    let given: BTreeMap<Uuid, i64> = cursors.into_iter().collect();
    let caller_id = caller.id.to_string();
    let rows: Vec<ChangeRow> = on_db!(&ctx.pool, |pool| {
        let mut query = sqlx::QueryBuilder::new("");
        if !given.is_empty() {
            query.push("WITH given (relationship_id, version) AS (");
            query.push_values(&given, |mut row, (relationship, version)| {
                row.push_bind(relationship.to_string()).push_bind(*version);
            });
            query.push(") ");
        }
        // Each relationship's cursor is joined before its fields, so that SQLite reads only the
        // fields after it (the index's range), not every field of the relationship.
        query.push(
            "SELECT f.relationship_id, f.record_id, r.kind, r.private, f.field, f.value, f.hlc,
                    f.version
             FROM memberships m ",
        );
        query.push(if given.is_empty() {
            "JOIN record_fields f ON f.relationship_id = m.relationship_id AND f.version > 0 "
        } else {
            "LEFT JOIN given g ON g.relationship_id = m.relationship_id
             JOIN record_fields f ON f.relationship_id = m.relationship_id
                               AND f.version > COALESCE(g.version, 0) "
        });
        query.push("JOIN records r ON r.id = f.record_id WHERE m.user_id = ");
        query.push_bind(&caller_id);
        query
            .push(" AND (NOT r.private OR r.author_id = ")
            .push_bind(&caller_id);
        query
            .push(") ORDER BY f.version LIMIT ")
            .push_bind(MAX_PULL as i64 + 1);
        query.build_query_as().fetch_all(pool).await?
    });
    let more = rows.len() > MAX_PULL;
    let mut records: Vec<Pulled> = Vec::new();
    // Where each record is in `records`, and each relationship's last version.
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut read: BTreeMap<Uuid, i64> = BTreeMap::new();
    for row in rows.into_iter().take(MAX_PULL) {
        let (relationship, record) = row.ids()?;
        read.insert(relationship, row.version);
        let field = row.field_of()?;
        match at.get(&row.record_id) {
            Some(&i) => records[i].fields.push(field),
            None => {
                at.insert(row.record_id.clone(), records.len());
                records.push(Pulled {
                    record,
                    relationship,
                    kind: Kind::from(row.kind),
                    private: row.private,
                    fields: vec![field],
                });
            }
        }
    }
    Ok(PullReply {
        records,
        cursors: read.into_iter().collect(),
        more,
        clock: ctx.clock.with(|c| c.last()),
    })
}

impl ChangeRow {
    fn bad(&self, what: &str) -> AppError {
        tracing::error!(record = %self.record_id, what, "unreadable stored change");
        AppError::Internal
    }

    fn ids(&self) -> Result<(Uuid, Uuid), AppError> {
        let relationship = Uuid::parse_str(&self.relationship_id).map_err(|_| self.bad("rel"))?;
        let record = Uuid::parse_str(&self.record_id).map_err(|_| self.bad("id"))?;
        Ok((relationship, record))
    }

    fn field_of(&self) -> Result<(String, serde_json::Value, Hlc), AppError> {
        Ok((
            self.field.clone(),
            serde_json::from_str(&self.value).map_err(|_| self.bad("value"))?,
            self.hlc.parse().map_err(|_| self.bad("hlc"))?,
        ))
    }
}
