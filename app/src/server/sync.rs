//! Push and pull: applying clients' mutations in one transaction, and reading changes since a cursor.

use super::{session::Caller, ServerContext};
use crate::{
    error::AppError,
    kinds,
    relationships::Role,
    sync::{
        schema::{admit, KindSpec, Stored},
        Change, Clock, Cursors, Hlc, Kind, Mutation, NodeId, Outcome, PullReply, PushReply,
        Rejection, MAX_BATCH, MAX_PULL,
    },
};
use chrono::Utc;
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use std::sync::Mutex;
use uuid::Uuid;

/// The server's clock; it starts past every stamp already stored.
pub struct ServerClock(Mutex<Clock>);

impl ServerClock {
    pub async fn load(pool: &SqlitePool) -> Result<Self, sqlx::Error> {
        let latest: Option<(String,)> =
            sqlx::query_as("SELECT MAX(hlc) FROM record_fields WHERE hlc IS NOT NULL")
                .fetch_optional(pool)
                .await?;
        let mut clock = Clock::new(NodeId(0));
        if let Some(latest) = latest.and_then(|(h,)| h.parse::<Hlc>().ok()) {
            // Stored stamps were accepted once; observe them without the drift limit.
            let _ = clock.observe(latest, latest.millis);
        }
        Ok(Self(Mutex::new(clock)))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Clock) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

fn wall_millis() -> u64 {
    u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0)
}

/// The caller's role in each relationship they belong to, and whether it has ended.
async fn memberships(
    ctx: &ServerContext,
    caller: &Caller,
) -> Result<HashMap<Uuid, (Role, bool)>, AppError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT m.relationship_id, m.role, r.ended_at FROM memberships m
         JOIN relationships r ON r.id = m.relationship_id WHERE m.user_id = ?",
    )
    .bind(caller.id.to_string())
    .fetch_all(&ctx.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, role, ended)| {
            Some((
                Uuid::parse_str(&id).ok()?,
                (Role::parse(&role).ok()?, ended.is_some()),
            ))
        })
        .collect())
}

pub async fn push(
    ctx: &ServerContext,
    caller: &Caller,
    batch: Vec<Mutation>,
) -> Result<PushReply, AppError> {
    if batch.len() > MAX_BATCH {
        return Err(AppError::BadRequest);
    }
    let members = memberships(ctx, caller).await?;
    // One writer at a time: versions are then handed out in commit order.
    let mut tx = ctx.pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for mutation in batch {
        let outcome = match apply(&mut tx, ctx, caller, &members, &mutation.change).await? {
            Ok(()) => Outcome::Acknowledged,
            Err(rejection) => Outcome::Rejected(rejection),
        };
        outcomes.push((mutation.id, outcome));
    }
    tx.commit().await?;
    Ok(PushReply {
        outcomes,
        clock: ctx.clock.with(|c| c.last()),
    })
}

/// Applies one change: the outer error is the server's, the inner the change's. The rules are
/// the sync core's (`schema::admit`), with the kind its feature registered.
async fn apply(
    conn: &mut SqliteConnection,
    ctx: &ServerContext,
    caller: &Caller,
    members: &HashMap<Uuid, (Role, bool)>,
    change: &Change,
) -> Result<Result<(), Rejection>, AppError> {
    let writer = members
        .get(&change.relationship)
        .filter(|(_, ended)| !ended)
        .map(|(role, _)| role.as_str());
    let spec = kinds::spec(change.kind.as_str());
    let stored = match (writer, spec) {
        (Some(_), Some(spec)) => stored(conn, caller, change, spec).await?,
        _ => None,
    };
    let admitted = admit(
        spec,
        change,
        writer,
        |hlc| ctx.clock.with(|c| c.observe(hlc, wall_millis())).is_ok(),
        stored.as_ref(),
    );
    let write = match admitted {
        Ok(write) => write,
        Err(rejection) => return Ok(Err(rejection)),
    };
    let record = change.record.to_string();
    if stored.is_none() {
        sqlx::query("INSERT INTO records (id, relationship_id, kind, author_id, private) VALUES (?, ?, ?, ?, ?)")
            .bind(&record)
            .bind(change.relationship.to_string())
            .bind(change.kind.as_str())
            .bind(caller.id.to_string())
            .bind(change.private)
            .execute(&mut *conn)
            .await?;
    }
    if write {
        let (version,): (i64,) = sqlx::query_as(
            "UPDATE sync_state SET version = version + 1 WHERE id = 1 RETURNING version",
        )
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO record_fields (record_id, field, value, hlc, relationship_id, version)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (record_id, field) DO UPDATE
             SET value = excluded.value, hlc = excluded.hlc, version = excluded.version",
        )
        .bind(&record)
        .bind(&change.field)
        .bind(change.value.to_string())
        .bind(change.hlc.to_string())
        .bind(change.relationship.to_string())
        .bind(version)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Ok(()))
}

/// What is stored of the record a change is about: its header, the changed field's stamp, and
/// the owner field its kind declares.
async fn stored(
    conn: &mut SqliteConnection,
    caller: &Caller,
    change: &Change,
    spec: &KindSpec,
) -> Result<Option<Stored>, AppError> {
    let record = change.record.to_string();
    let header: Option<(String, String, String, bool)> = sqlx::query_as(
        "SELECT relationship_id, kind, author_id, private FROM records WHERE id = ?",
    )
    .bind(&record)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((relationship, kind, author, private)) = header else {
        return Ok(None);
    };
    let owner_field = spec.owner.unwrap_or(&change.field);
    let fields: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT field, value, hlc FROM record_fields WHERE record_id = ? AND field IN (?, ?)",
    )
    .bind(&record)
    .bind(owner_field)
    .bind(&change.field)
    .fetch_all(&mut *conn)
    .await?;
    let value_of = |name: &str| fields.iter().find(|(f, _, _)| f == name);
    Ok(Some(Stored {
        // A header that does not parse belongs to no relationship: the change is a mismatch.
        relationship: Uuid::parse_str(&relationship).unwrap_or_default(),
        kind: Kind::from(kind),
        private,
        by_writer: author == caller.id.to_string(),
        owner: spec
            .owner
            .and_then(value_of)
            .and_then(|(_, v, _)| serde_json::from_str::<String>(v).ok()),
        hlc: value_of(&change.field).and_then(|(_, _, h)| h.parse::<Hlc>().ok()),
    }))
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    record_id: String,
    kind: String,
    private: bool,
    field: String,
    value: String,
    hlc: String,
    version: i64,
}

/// Everything changed since the cursors, in every relationship the caller is in
/// (ended ones too: they stay readable). Other people's private records are left out.
pub async fn pull(
    ctx: &ServerContext,
    caller: &Caller,
    cursors: Cursors,
) -> Result<PullReply, AppError> {
    let members = memberships(ctx, caller).await?;
    let given: HashMap<Uuid, i64> = cursors.into_iter().collect();
    let mut relationships: Vec<Uuid> = members.keys().copied().collect();
    relationships.sort();
    let mut changes = Vec::new();
    let mut next = Vec::with_capacity(relationships.len());
    let mut more = false;
    for relationship in relationships {
        let cursor = given.get(&relationship).copied().unwrap_or(0);
        let room = MAX_PULL.saturating_sub(changes.len());
        if room == 0 {
            more = true;
            next.push((relationship, cursor));
            continue;
        }
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT f.record_id, r.kind, r.private, f.field, f.value, f.hlc, f.version
             FROM record_fields f JOIN records r ON r.id = f.record_id
             WHERE f.relationship_id = ? AND f.version > ? AND (r.private = 0 OR r.author_id = ?)
             ORDER BY f.version LIMIT ?",
        )
        .bind(relationship.to_string())
        .bind(cursor)
        .bind(caller.id.to_string())
        .bind(room as i64 + 1)
        .fetch_all(&ctx.pool)
        .await?;
        let mut last = cursor;
        for (i, row) in rows.into_iter().enumerate() {
            if i == room {
                more = true;
                break;
            }
            last = row.version;
            changes.push(row.change(relationship)?);
        }
        next.push((relationship, last));
    }
    Ok(PullReply {
        changes,
        cursors: next,
        more,
        clock: ctx.clock.with(|c| c.last()),
    })
}

impl ChangeRow {
    fn change(self, relationship: Uuid) -> Result<Change, AppError> {
        let bad = |what: &str| {
            tracing::error!(record = %self.record_id, what, "unreadable stored change");
            AppError::Internal
        };
        Ok(Change {
            record: Uuid::parse_str(&self.record_id).map_err(|_| bad("id"))?,
            relationship,
            kind: Kind::from(self.kind.clone()),
            private: self.private,
            field: self.field.clone(),
            value: serde_json::from_str(&self.value).map_err(|_| bad("value"))?,
            hlc: self.hlc.parse().map_err(|_| bad("hlc"))?,
        })
    }
}
