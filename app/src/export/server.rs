//! `POST /api/import`: an export brought back into the caller's account. The whole file is
//! read and checked first, by the same rules every pushed change passes, then written in one
//! transaction that leaves nothing behind when anything in it is refused. Ids and clocks are
//! kept, so a field already here with the same or a later clock is left as it is: the same file
//! twice changes nothing.

use super::{
    import::{ImportProblem, Imported},
    FORMAT, MAX_BYTES,
};
use crate::{
    accounts::DisplayName,
    error::AppError,
    i18n::{fill, locale_of, Locale, Msg},
    kinds, on_db,
    relationships::{RelationshipTitle, Role},
    server::{
        db::Tx,
        session::{caller_with, Caller},
        sync::{cost, Touched},
        ServerContext,
    },
    sync::{
        replica::wins,
        schema::{check_new, check_value, instant, KindSpec, Writer, DELETED},
        Hlc,
    },
};
use axum::{
    body::to_bytes,
    extract::{Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// How the e-mail of a partner an import brought begins: no address, so nobody signs in as them.
const FORMER_PARTNER: &str = "imported:";
/// Relationships one file may hold.
const MAX_RELATIONSHIPS: usize = 500;
/// Rows written by one statement: SQLite takes at most 32,766 values in one.
const ROWS_PER_STATEMENT: usize = 500;

struct FileRelationship {
    id: Uuid,
    title: Option<String>,
    my_role: Role,
    partner_name: Option<String>,
    created_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
    records: Vec<FileRecord>,
}

struct FileRecord {
    id: Uuid,
    spec: &'static KindSpec,
    fields: Vec<(String, Value, Hlc)>,
    /// Whose record it is, as far as the record tells.
    author: Role,
}

pub async fn import(State(ctx): State<ServerContext>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let locale = locale_of(&parts.headers);
    // The page asks for the sentence alone: no JSON reader for it in the bundle (-1 KB on Today).
    let plain = parts
        .headers
        .get(header::ACCEPT)
        .is_some_and(|accept| accept.as_bytes().starts_with(b"text/plain"));
    let answer = move |status: StatusCode, facts: Value, message: String| match plain {
        true => (status, message).into_response(),
        false => (status, Json(with_message(facts, message))).into_response(),
    };
    let refused = |status, problem: ImportProblem| {
        let message = problem.said(locale);
        answer(status, facts(&problem), message)
    };
    let caller = match caller_with(&ctx, &parts.headers, true).await {
        Ok(Some(session)) => session.caller,
        Ok(None) => return refused(StatusCode::UNAUTHORIZED, ImportProblem::SignIn),
        Err(e) => return failed(e, plain, locale),
    };
    if ctx.imports.check(&caller.id.to_string()).is_err() {
        return refused(StatusCode::TOO_MANY_REQUESTS, ImportProblem::TooMany);
    }
    let Ok(body) = to_bytes(body, MAX_BYTES).await else {
        return refused(StatusCode::PAYLOAD_TOO_LARGE, ImportProblem::TooLarge);
    };
    let file = match read(&body) {
        Ok(file) => file,
        Err(problem) => return refused(StatusCode::UNPROCESSABLE_ENTITY, problem),
    };
    match store(&ctx, &caller, &file).await {
        Ok(Ok((imported, touched))) => {
            ctx.hints.after_push(&ctx, &caller, touched).await;
            answer(StatusCode::OK, facts(&imported), imported.said(locale))
        }
        Ok(Err(problem)) => refused(StatusCode::UNPROCESSABLE_ENTITY, problem),
        Err(e) => failed(e, plain, locale),
    }
}

fn facts(answer: &impl serde::Serialize) -> Value {
    serde_json::to_value(answer).unwrap_or_default()
}

/// The answer's facts, and the sentence the page shows.
fn with_message(mut facts: Value, message: String) -> Value {
    if let Value::Object(fields) = &mut facts {
        fields.insert("message".into(), Value::String(message));
    }
    facts
}

fn failed(e: AppError, plain: bool, locale: Locale) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if !plain {
        return (status, Json(e)).into_response();
    }
    let said = match e.retry_after() {
        Some(seconds) => fill(Msg::ErrBusy.text(locale), &[&seconds.to_string()]),
        None => Msg::ErrInternal.text(locale).to_owned(),
    };
    (status, said).into_response()
}

/// The file's relationships, each checked whole.
fn read(body: &[u8]) -> Result<Vec<FileRelationship>, ImportProblem> {
    let doc: Value = serde_json::from_slice(body).map_err(|_| ImportProblem::NotAnExport)?;
    let format = doc
        .get("format")
        .and_then(Value::as_str)
        .ok_or(ImportProblem::NotAnExport)?;
    if format != FORMAT {
        return Err(ImportProblem::OtherFormat {
            format: format.chars().take(40).collect(),
        });
    }
    let list = doc
        .get("relationships")
        .and_then(Value::as_array)
        .ok_or(ImportProblem::NotAnExport)?;
    if list.len() > MAX_RELATIONSHIPS {
        return Err(ImportProblem::TooLarge);
    }
    let file: Vec<FileRelationship> = list
        .iter()
        .enumerate()
        .map(|(i, r)| relationship(i + 1, r))
        .collect::<Result<_, _>>()?;
    // Each id once: a record written twice in one go would count its size twice.
    let mut relationships = HashSet::new();
    let mut records = HashSet::new();
    for (i, r) in file.iter().enumerate() {
        if !relationships.insert(r.id) {
            return Err(ImportProblem::BadRelationship { index: i + 1 });
        }
        if let Some(twice) = r.records.iter().find(|record| !records.insert(record.id)) {
            return Err(ImportProblem::Twice { record: twice.id });
        }
    }
    Ok(file)
}

fn relationship(index: usize, r: &Value) -> Result<FileRelationship, ImportProblem> {
    let bad = || ImportProblem::BadRelationship { index };
    let text = |key: &str| r.get(key).and_then(Value::as_str);
    let id = text("id")
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(bad)?;
    let my_role = text("my_role")
        .and_then(|s| Role::parse(s).ok())
        .ok_or_else(bad)?;
    let optional = |key: &str| match r.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(bad()),
    };
    let title = match optional("title")? {
        Some(raw) => RelationshipTitle::parse(raw)
            .map_err(|_| bad())?
            .map(|t| t.as_str().to_owned()),
        None => None,
    };
    let partner_name = match optional("partner_name")? {
        Some(raw) => Some(
            DisplayName::parse(raw)
                .map_err(|_| bad())?
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    // Within the instants any record may hold.
    let instant = |key: &str| match r.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => instant(v).map(Some).ok_or_else(bad),
    };
    let records = r
        .get("records")
        .and_then(Value::as_array)
        .ok_or_else(bad)?
        .iter()
        .enumerate()
        .map(|(i, record)| self::record(id, my_role, i + 1, record))
        .collect::<Result<_, _>>()?;
    let created_at = instant("created_at")?.ok_or_else(bad)?;
    let (started_at, ended_at) = (instant("started_at")?, instant("ended_at")?);
    if started_at
        .max(ended_at)
        .is_some_and(|later| later < created_at)
        || started_at
            .zip(ended_at)
            .is_some_and(|(start, end)| end < start)
    {
        return Err(bad());
    }
    Ok(FileRelationship {
        id,
        title,
        my_role,
        partner_name,
        created_at,
        started_at,
        ended_at,
        records,
    })
}

fn record(
    relationship: Uuid,
    me: Role,
    index: usize,
    r: &Value,
) -> Result<FileRecord, ImportProblem> {
    let bad = |field: Option<&str>, rejection| ImportProblem::BadRecord {
        relationship,
        index,
        field: field.map(str::to_owned),
        rejection,
    };
    let id = r
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| bad(None, None))?;
    let spec = r
        .get("kind")
        .and_then(Value::as_str)
        .and_then(kinds::spec)
        .ok_or_else(|| bad(None, Some(crate::sync::Rejection::UnknownKind)))?;
    if r.get("private").and_then(Value::as_bool) != Some(spec.private) {
        return Err(bad(None, Some(crate::sync::Rejection::Mismatch)));
    }
    let empty = Map::new();
    let values = r.get("fields").and_then(Value::as_object).unwrap_or(&empty);
    let clocks = r.get("clocks").and_then(Value::as_object).unwrap_or(&empty);
    let mut fields = Vec::with_capacity(values.len());
    for (name, value) in values {
        check_value(spec, name, value).map_err(|e| bad(Some(name), Some(e)))?;
        let hlc = clocks
            .get(name)
            .and_then(Value::as_str)
            .and_then(|s| s.parse::<Hlc>().ok())
            .ok_or_else(|| bad(Some(name), None))?;
        fields.push((name.clone(), value.clone(), hlc));
    }
    let value = |name: &str| values.get(name).cloned();
    let author = author_of(spec, id, relationship, me, &value);
    check_new(spec, id, relationship, author.as_str(), value).map_err(|e| bad(None, Some(e)))?;
    Ok(FileRecord {
        id,
        spec,
        fields,
        author,
    })
}

/// Whose a record is: the importer's if private; else the role a field only its maker sets to
/// their own role holds ("created by"), or the role its id is derived from (a check-in); else
/// the importer's.
fn author_of(
    spec: &KindSpec,
    id: Uuid,
    relationship: Uuid,
    me: Role,
    value: &impl Fn(&str) -> Option<Value>,
) -> Role {
    if spec.private {
        return me;
    }
    let named = spec
        .fields
        .iter()
        .filter(|f| f.writer == Writer::OwnRoleOnce)
        .find_map(|f| Role::parse(value(f.name)?.as_str()?).ok());
    if let Some(role) = named {
        return role;
    }
    let made_by = |role: Role| check_new(spec, id, relationship, role.as_str(), value).is_ok();
    if !made_by(me) && made_by(me.partner()) {
        me.partner()
    } else {
        me
    }
}

/// A record as stored here.
struct Stored {
    relationship: String,
    kind: String,
    author: String,
    private: bool,
}

/// Writes the file; a problem leaves the transaction uncommitted, so nothing of it stays.
async fn store(
    ctx: &ServerContext,
    caller: &Caller,
    file: &[FileRelationship],
) -> Result<Result<(Imported, Touched), ImportProblem>, AppError> {
    let (mut tx, first_version) = ctx.writer.begin_versions().await?;
    let mut version = first_version;
    let me = caller.id.to_string();
    let now = Utc::now();
    let mut imported = Imported::default();
    let mut touched = Touched::default();
    for r in file {
        let rid = r.id.to_string();
        let members: Vec<(String, String, String)> = on_db!(&mut tx, |tx| {
            sqlx::query_as(
            "SELECT m.user_id, m.role, u.email FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.relationship_id = $1"
        )
        .bind(&rid)
        .fetch_all(&mut **tx)
        .await
        })?;
        let found: Option<(String,)> = on_db!(&mut tx, |tx| sqlx::query_as(
            "SELECT id FROM relationships WHERE id = $1"
        )
        .bind(&rid)
        .fetch_optional(&mut **tx)
        .await)?;
        let found = found.is_some();
        let mut partner = members
            .iter()
            .find(|(user, _, _)| *user != me)
            .map(|(user, _, _)| user.clone());
        // A partner who is (or was) a person here, not one an import brought: their words
        // come only from them, never from a file.
        let real_partner = members
            .iter()
            .any(|(user, _, email)| *user != me && !is_former_partner(email));
        let mine = members
            .iter()
            .any(|(user, role, _)| *user == me && role == r.my_role.as_str());
        if found && !mine {
            return Ok(Err(ImportProblem::Taken { relationship: r.id }));
        }

        // First everything that may refuse the file, then the writes.
        let stored = stored_records(&mut tx, &r.records).await?;
        for record in &r.records {
            match stored.get(&record.id.to_string()) {
                Some(s)
                    if s.relationship != rid
                        || s.kind != record.spec.kind.as_str()
                        || s.private != record.spec.private
                        || (s.private && s.author != me) =>
                {
                    return Ok(Err(ImportProblem::RecordTaken { record: record.id }));
                }
                _ => {}
            }
        }
        let new: Vec<&FileRecord> = r
            .records
            .iter()
            .filter(|record| !stored.contains_key(&record.id.to_string()))
            .collect();
        let held = stored_fields(&mut tx, &r.records).await?;
        let mut changed = Vec::new();
        for record in &r.records {
            let id = record.id.to_string();
            for (field, value, hlc) in &record.fields {
                let before = held.get(&(id.clone(), field.clone()));
                if wins(*hlc, before.and_then(|(_, h)| h.parse::<Hlc>().ok())) {
                    changed.push((record, field, value.to_string(), *hlc, before));
                }
            }
        }
        if real_partner && (!new.is_empty() || !changed.is_empty()) {
            return Ok(Err(ImportProblem::Shared { relationship: r.id }));
        }
        let theirs = new.iter().position(|record| record.author != r.my_role);
        // A relationship here that never had a partner holds none of their records (and a
        // former partner would take the place its invite keeps); a new one gets the file's.
        if let (Some(index), None, true) = (theirs, &partner, found) {
            return Ok(Err(ImportProblem::BadRecord {
                relationship: r.id,
                index: index + 1,
                field: None,
                rejection: Some(crate::sync::Rejection::NotYours),
            }));
        }
        let makes_partner = !found && (r.partner_name.is_some() || theirs.is_some());
        if makes_partner {
            partner = Some(Uuid::now_v7().to_string());
        }
        let mut authors: HashMap<String, String> = stored
            .iter()
            .map(|(id, s)| (id.clone(), s.author.clone()))
            .collect();
        for record in &new {
            let author = match (record.author != r.my_role, &partner) {
                (true, Some(partner)) => partner.clone(),
                _ => me.clone(),
            };
            authors.insert(record.id.to_string(), author);
        }
        // What each author's records grow by; as in a push, a deletion is never refused.
        let mut grown: HashMap<String, i64> = HashMap::new();
        let mut counted: HashMap<String, i64> = HashMap::new();
        for (record, field, text, _, before) in &changed {
            let author = authors
                .get(&record.id.to_string())
                .cloned()
                .unwrap_or_else(|| me.clone());
            let grew = cost(Some(text.len())) - cost(before.map(|(v, _)| v.len()));
            *grown.entry(author.clone()).or_default() += grew;
            if field.as_str() != DELETED {
                *counted.entry(author).or_default() += grew;
            }
        }
        if !within_share(ctx, &mut tx, &rid, &counted).await? {
            return Ok(Err(ImportProblem::Full { relationship: r.id }));
        }
        // Last: the server's clock moves with every stamp it accepts.
        for (record, field, _, hlc, _) in &changed {
            if !ctx.clock.accepts(*hlc) {
                let index = r.records.iter().position(|x| x.id == record.id);
                return Ok(Err(ImportProblem::BadRecord {
                    relationship: r.id,
                    index: index.unwrap_or(0) + 1,
                    field: Some((*field).clone()),
                    rejection: Some(crate::sync::Rejection::ClockAhead),
                }));
            }
        }

        if !found {
            create(&mut tx, r, &me, now).await?;
        }
        if let (true, Some(partner)) = (makes_partner, &partner) {
            former_partner(&mut tx, r, partner, now).await?;
        }
        let rows: Vec<(String, &FileRecord, String)> = new
            .iter()
            .map(|record| {
                let id = record.id.to_string();
                let author = authors.get(&id).cloned().unwrap_or_else(|| me.clone());
                (id, *record, author)
            })
            .collect();
        insert_records(&mut tx, &rid, &rows).await?;
        let writes: Vec<(String, String, String, String, i64)> = changed
            .iter()
            .map(|(record, field, text, hlc, _)| {
                version += 1;
                let id = record.id.to_string();
                (id, (*field).clone(), text.clone(), hlc.to_string(), version)
            })
            .collect();
        write_fields(&mut tx, &rid, &writes, &grown).await?;
        if !writes.is_empty() {
            touched.shared.push(rid.clone());
            touched.private |= r.records.iter().any(|record| record.spec.private);
        }
        imported.relationships += 1;
        imported.records += r.records.len();
        // A relationship made here is a change even without a record.
        imported.changed += writes.len() + usize::from(!found);
    }
    if version != first_version {
        on_db!(&mut tx, |tx| sqlx::query(
            "UPDATE sync_state SET version = $1 WHERE id = 1"
        )
        .bind(version)
        .execute(&mut **tx)
        .await
        .map(drop))?;
    }
    tx.commit().await?;
    Ok(Ok((imported, touched)))
}

/// Whether an account is a partner an import brought: its e-mail is no address (a real one
/// always holds an `@`), so nobody can sign up as one.
fn is_former_partner(email: &str) -> bool {
    email.starts_with(FORMER_PARTNER) && !email.contains('@')
}

/// The relationship, with the importer as its member in their role.
async fn create(
    tx: &mut Tx,
    r: &FileRelationship,
    me: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rid = r.id.to_string();
    on_db!(&mut *tx, |tx| {
        sqlx::query(
        "INSERT INTO relationships (id, title, created_by, created_at, started_at, ended_at, ended_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(&rid)
    .bind(&r.title)
    .bind(me)
    .bind(r.created_at)
    .bind(r.started_at)
    .bind(r.ended_at)
    .bind(r.ended_at.map(|_| me))
    .execute(&mut **tx)
    .await
    .map(drop)
    })?;
    on_db!(tx, |tx| {
        sqlx::query(
        "INSERT INTO memberships (relationship_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)"
    )
    .bind(&rid)
    .bind(me)
    .bind(r.my_role.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(drop)
    })?;
    Ok(())
}

/// The partner of the file, as a former member under the name the file gives (no e-mail, no
/// password: nobody signs in as them), holding their records.
async fn former_partner(
    tx: &mut Tx,
    r: &FileRelationship,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    on_db!(&mut *tx, |tx| sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, created_at, deleted_at)
         VALUES ($1, $2, $3, '', $4, $4)"
    )
    .bind(id)
    .bind(format!("{FORMER_PARTNER}{id}"))
    .bind(r.partner_name.clone().unwrap_or_default())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(drop))?;
    on_db!(tx, |tx| {
        sqlx::query(
        "INSERT INTO memberships (relationship_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)"
    )
    .bind(r.id.to_string())
    .bind(id)
    .bind(r.my_role.partner().as_str())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(drop)
    })?;
    Ok(())
}

async fn stored_records(
    tx: &mut Tx,
    records: &[FileRecord],
) -> Result<HashMap<String, Stored>, AppError> {
    let mut stored = HashMap::new();
    for part in records.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<(String, String, String, String, bool)> = on_db!(&mut *tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, relationship_id, kind, author_id, private FROM records WHERE id IN (",
            );
            let mut list = query.separated(", ");
            for record in part {
                list.push_bind(record.id.to_string());
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(&mut **tx).await?
        });
        for (id, relationship, kind, author, private) in rows {
            let record = Stored {
                relationship,
                kind,
                author,
                private,
            };
            stored.insert(id, record);
        }
    }
    Ok(stored)
}

/// Each field stored of these records: its value and its clock.
async fn stored_fields(
    tx: &mut Tx,
    records: &[FileRecord],
) -> Result<HashMap<(String, String), (String, String)>, AppError> {
    let mut held = HashMap::new();
    for part in records.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<(String, String, String, String)> = on_db!(&mut *tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT record_id, field, value, hlc FROM record_fields WHERE record_id IN (",
            );
            let mut list = query.separated(", ");
            for record in part {
                list.push_bind(record.id.to_string());
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(&mut **tx).await?
        });
        for (record, field, value, hlc) in rows {
            held.insert((record, field), (value, hlc));
        }
    }
    Ok(held)
}

async fn insert_records(
    tx: &mut Tx,
    relationship: &str,
    new: &[(String, &FileRecord, String)],
) -> Result<(), AppError> {
    for part in new.chunks(ROWS_PER_STATEMENT) {
        on_db!(&mut *tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "INSERT INTO records (id, relationship_id, kind, author_id, private) ",
            );
            query.push_values(part, |mut row, (id, record, author)| {
                row.push_bind(id)
                    .push_bind(relationship)
                    .push_bind(record.spec.kind.as_str())
                    .push_bind(author)
                    .push_bind(record.spec.private);
            });
            query.build().execute(&mut **tx).await?;
        });
    }
    Ok(())
}

/// Whether what each author's records grow by still fits the share the server keeps for them.
async fn within_share(
    ctx: &ServerContext,
    tx: &mut Tx,
    relationship: &str,
    grown: &HashMap<String, i64>,
) -> Result<bool, AppError> {
    for (author, grew) in grown {
        let held: Option<(i64,)> = on_db!(&mut *tx, |tx| {
            sqlx::query_as(
            "SELECT bytes FROM relationship_usage WHERE relationship_id = $1 AND author_id = $2"
        )
        .bind(relationship)
        .bind(author)
        .fetch_optional(&mut **tx)
        .await
        })?;
        if *grew > 0 && held.map_or(0, |(b,)| b) + grew > ctx.relationship_bytes {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn write_fields(
    tx: &mut Tx,
    relationship: &str,
    changed: &[(String, String, String, String, i64)],
    grown: &HashMap<String, i64>,
) -> Result<(), AppError> {
    for part in changed.chunks(ROWS_PER_STATEMENT) {
        on_db!(&mut *tx, |tx| {
            let mut query = sqlx::QueryBuilder::new(
                "INSERT INTO record_fields (record_id, field, value, hlc, relationship_id, version) ",
            );
            query.push_values(part, |mut row, (record, field, value, hlc, version)| {
                row.push_bind(record)
                    .push_bind(field)
                    .push_bind(value)
                    .push_bind(hlc)
                    .push_bind(relationship)
                    .push_bind(*version);
            });
            query.push(
                " ON CONFLICT (record_id, field) DO UPDATE
                 SET value = excluded.value, hlc = excluded.hlc, version = excluded.version",
            );
            query.build().execute(&mut **tx).await?;
        });
    }
    for (author, grew) in grown.iter().filter(|(_, grew)| **grew != 0) {
        on_db!(&mut *tx, |tx| sqlx::query(
            "INSERT INTO relationship_usage (relationship_id, author_id, bytes)
             VALUES ($1, $2, $3) ON CONFLICT (relationship_id, author_id)
             DO UPDATE SET bytes = relationship_usage.bytes + excluded.bytes"
        )
        .bind(relationship)
        .bind(author)
        .bind(grew)
        .execute(&mut **tx)
        .await
        .map(drop))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        export::document,
        relationships::RelationshipView,
        sync::{replica::Replica, Change, Kind, NodeId},
    };

    #[test]
    fn an_export_reads_back_as_the_records_it_was_made_of() {
        let relationship = Uuid::now_v7();
        let item = Uuid::now_v7();
        let mut replica = Replica::default();
        let made = 1_795_766_400_000_i64;
        for (n, (field, value)) in [
            ("title", serde_json::json!("Read the book")),
            ("owner", serde_json::json!("mentor")),
            ("created_at", serde_json::json!(made)),
            ("created_by", serde_json::json!("mentor")),
        ]
        .into_iter()
        .enumerate()
        {
            replica.apply(&Change {
                record: item,
                relationship,
                kind: Kind::named("action_item"),
                private: false,
                field: field.into(),
                value,
                hlc: Hlc {
                    millis: made as u64,
                    counter: n as u16,
                    node: NodeId(7),
                },
            });
        }
        let at = DateTime::from_timestamp_millis(made).unwrap();
        let view = RelationshipView {
            id: relationship,
            title: Some("Growing".into()),
            my_role: Role::Mentee,
            partner_name: Some("Mira".into()),
            created_at: at,
            started_at: Some(at),
            ended_at: None,
            invite: None,
            stand_in: false,
        };
        let text = document(Uuid::now_v7(), &[view], &replica, made);

        let file = read(text.as_bytes()).unwrap();
        assert_eq!(file.len(), 1);
        let r = &file[0];
        assert_eq!(
            (
                r.id,
                r.title.as_deref(),
                r.my_role,
                r.partner_name.as_deref()
            ),
            (relationship, Some("Growing"), Role::Mentee, Some("Mira"))
        );
        assert_eq!(
            (r.created_at, r.started_at, r.ended_at),
            (at, Some(at), None)
        );
        let [record] = &r.records[..] else {
            panic!("one record")
        };
        assert_eq!((record.id, record.author), (item, Role::Mentor));
        let mut read_back: Vec<_> = record
            .fields
            .iter()
            .map(|(f, v, h)| (f.clone(), v.clone(), *h))
            .collect();
        read_back.sort_by(|a, b| a.0.cmp(&b.0));
        let mut written: Vec<_> = replica.records[&item]
            .fields
            .iter()
            .map(|(f, s)| (f.clone(), s.value.clone(), s.hlc))
            .collect();
        written.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(read_back, written);
    }
}
