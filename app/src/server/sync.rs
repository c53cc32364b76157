//! Push and pull: applying clients' mutations in one transaction, and reading changes since a cursor.

use super::{session::Caller, ServerContext};
use crate::{
    domain::Role,
    error::AppError,
    sync::{
        replica::wins,
        schema::{check_value, check_writer},
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

/// Applies one change: the outer error is the server's, the inner the change's.
async fn apply(
    conn: &mut SqliteConnection,
    ctx: &ServerContext,
    caller: &Caller,
    members: &HashMap<Uuid, (Role, bool)>,
    change: &Change,
) -> Result<Result<(), Rejection>, AppError> {
    let Some(&(role, ended)) = members.get(&change.relationship) else {
        return Ok(Err(Rejection::NoAccess));
    };
    if ended {
        return Ok(Err(Rejection::NoAccess));
    }
    let spec = match check_value(change.kind, &change.field, &change.value) {
        Ok(spec) => spec,
        Err(rejection) => return Ok(Err(rejection)),
    };
    if ctx
        .clock
        .with(|c| c.observe(change.hlc, wall_millis()))
        .is_err()
    {
        return Ok(Err(Rejection::ClockAhead));
    }
    let record = change.record.to_string();
    let header: Option<(String, String, String, bool)> = sqlx::query_as(
        "SELECT relationship_id, kind, author_id, private FROM records WHERE id = ?",
    )
    .bind(&record)
    .fetch_optional(&mut *conn)
    .await?;
    match header {
        Some((relationship, kind, author, private)) => {
            let same = relationship == change.relationship.to_string()
                && Kind::parse(&kind) == Some(change.kind)
                && private == change.private
                && (!private || author == caller.id.to_string());
            if !same {
                return Ok(Err(Rejection::Mismatch));
            }
        }
        None => {
            sqlx::query("INSERT INTO records (id, relationship_id, kind, author_id, private) VALUES (?, ?, ?, ?, ?)")
                .bind(&record)
                .bind(change.relationship.to_string())
                .bind(change.kind.as_str())
                .bind(caller.id.to_string())
                .bind(change.private)
                .execute(&mut *conn)
                .await?;
        }
    }
    let fields: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT field, value, hlc FROM record_fields WHERE record_id = ? AND field IN ('owner', ?)",
    )
    .bind(&record)
    .bind(&change.field)
    .fetch_all(&mut *conn)
    .await?;
    let owner = fields
        .iter()
        .find(|(f, _, _)| f == "owner")
        .and_then(|(_, v, _)| serde_json::from_str::<String>(v).ok())
        .and_then(|v| Role::parse(&v).ok());
    if let Err(rejection) = check_writer(spec, &change.value, role, owner) {
        return Ok(Err(rejection));
    }
    let stored = fields
        .iter()
        .find(|(f, _, _)| *f == change.field)
        .and_then(|(_, _, h)| h.parse::<Hlc>().ok());
    if wins(change.hlc, stored) {
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
            kind: Kind::parse(&self.kind).ok_or_else(|| bad("kind"))?,
            private: self.private,
            field: self.field.clone(),
            value: serde_json::from_str(&self.value).map_err(|_| bad("value"))?,
            hlc: self.hlc.parse().map_err(|_| bad("hlc"))?,
        })
    }
}
