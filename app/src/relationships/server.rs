//! Relationships, memberships and invites in the database, with the membership checks.

use super::{
    messages::answered::AnsweredMsg, InviteLink, InviteState, InviteTimes, InviteView,
    RelationshipTitle, RelationshipView, Role,
};
use crate::i18n::initial_locale;
use crate::{
    error::{AppError, InviteProblem},
    server::{
        session::{hash, Caller},
        ServerContext,
    },
};
use crate::{on_db, server::db::Tx};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One row per relationship of the caller, with the partner and the latest invite.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    title: Option<String>,
    role: String,
    created_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
    partner_name: Option<String>,
    partner_left: bool,
    partner_stand_in: bool,
    invite_id: Option<String>,
    invite_created_at: Option<DateTime<Utc>>,
    invite_used_at: Option<DateTime<Utc>>,
    invite_revoked_at: Option<DateTime<Utc>>,
    invite_declined_at: Option<DateTime<Utc>>,
}

const SELECT_ROWS: &str = "
    SELECT r.id, r.title, m.role, r.created_at, r.started_at, r.ended_at,
           pu.display_name AS partner_name, pu.deleted_at IS NOT NULL AS partner_left,
           COALESCE(pu.email LIKE 'imported:%' AND pu.email NOT LIKE '%@%', FALSE) AS partner_stand_in,
           i.id AS invite_id, i.created_at AS invite_created_at,
           i.used_at AS invite_used_at, i.revoked_at AS invite_revoked_at,
           i.declined_at AS invite_declined_at
    FROM memberships m
    JOIN relationships r ON r.id = m.relationship_id
    LEFT JOIN memberships pm ON pm.relationship_id = r.id AND pm.user_id != m.user_id
    LEFT JOIN users pu ON pu.id = pm.user_id
    LEFT JOIN invites i ON i.id = (
        SELECT id FROM invites WHERE relationship_id = r.id ORDER BY created_at DESC, id DESC LIMIT 1)
    WHERE m.user_id = $1";

impl Row {
    fn view(self, ctx: &ServerContext, now: DateTime<Utc>) -> Result<RelationshipView, AppError> {
        let invite = match (
            self.partner_name.is_none() || self.partner_stand_in,
            self.invite_id,
            self.invite_created_at,
        ) {
            (true, Some(invite), Some(created_at)) => {
                let times = InviteTimes {
                    created_at,
                    used_at: self.invite_used_at,
                    revoked_at: self.invite_revoked_at,
                    declined_at: self.invite_declined_at,
                };
                Some(InviteLink {
                    url: format!("{}/invite/{}", ctx.base_url, invite_token(ctx, &invite)),
                    expires_at: times.expires_at(),
                    state: times.state(now),
                })
            }
            _ => None,
        };
        // A deleted account is named in the reader's language here, so that every place that
        // shows the partner's name says "former member" without a byte more in the bundle.
        // A partner brought back by an import keeps the name the file gave them.
        let partner_name = match (self.partner_left, self.partner_name) {
            (true, Some(name)) if !name.is_empty() => Some(crate::i18n::fill(
                AnsweredMsg::FormerMemberNamed.text(initial_locale()),
                &[&name],
            )),
            (true, _) => Some(AnsweredMsg::FormerMember.text(initial_locale()).to_owned()),
            (false, name) => name,
        };
        Ok(RelationshipView {
            id: Uuid::parse_str(&self.id).map_err(|_| AppError::Internal)?,
            title: self.title,
            my_role: Role::parse(&self.role).map_err(|_| AppError::Internal)?,
            partner_name,
            created_at: self.created_at,
            started_at: self.started_at,
            ended_at: self.ended_at,
            invite,
            stand_in: self.partner_stand_in,
        })
    }
}

/// Every relationship the caller is in: active first, newest first.
pub async fn list(ctx: &ServerContext, caller: &Caller) -> Result<Vec<RelationshipView>, AppError> {
    let rows: Vec<Row> = on_db!(&ctx.pool, |db| sqlx::query_as(&format!(
        "{SELECT_ROWS} ORDER BY r.ended_at IS NOT NULL, r.created_at DESC LIMIT 500"
    ))
    .bind(caller.id.to_string())
    .fetch_all(db)
    .await)?;
    let now = Utc::now();
    rows.into_iter().map(|r| r.view(ctx, now)).collect()
}

/// One relationship; a non-member is refused whether or not it exists.
pub async fn get(
    ctx: &ServerContext,
    caller: &Caller,
    id: Uuid,
) -> Result<RelationshipView, AppError> {
    let row: Option<Row> = on_db!(&ctx.pool, |db| sqlx::query_as(&format!(
        "{SELECT_ROWS} AND r.id = $2"
    ))
    .bind(caller.id.to_string())
    .bind(id.to_string())
    .fetch_optional(db)
    .await)?;
    row.ok_or(AppError::Forbidden)?.view(ctx, Utc::now())
}

/// The membership facts that decide what the caller may do with a relationship.
pub struct Standing {
    pub ended: bool,
    pub paired: bool,
}

/// Forbidden unless the caller is a member.
pub async fn standing(
    ctx: &ServerContext,
    caller: &Caller,
    id: Uuid,
) -> Result<Standing, AppError> {
    // A partner an import stands in for is no partner yet: they join again by invite.
    let row: Option<(Option<DateTime<Utc>>, i64)> =
        on_db!(&ctx.pool, |db| sqlx::query_as(&format!(
        "SELECT r.ended_at, (SELECT COUNT(*) FROM memberships pm JOIN users u ON u.id = pm.user_id
                             WHERE pm.relationship_id = r.id AND NOT {STAND_IN})
         FROM relationships r JOIN memberships m ON m.relationship_id = r.id
         WHERE r.id = $1 AND m.user_id = $2",
    ))
        .bind(id.to_string())
        .bind(caller.id.to_string())
        .fetch_optional(db)
        .await)?;
    let (ended_at, members) = row.ok_or(AppError::Forbidden)?;
    Ok(Standing {
        ended: ended_at.is_some(),
        paired: members >= 2,
    })
}

/// Whether the account `u` stands in for the partner of an imported relationship until they
/// join again by invite: its e-mail is `imported:<id>`, no address, so nobody signs in as it
/// (see `export::server`).
const STAND_IN: &str = "(u.email LIKE 'imported:%' AND u.email NOT LIKE '%@%')";

const OPEN_INVITES: &str = "used_at IS NULL AND revoked_at IS NULL AND declined_at IS NULL";

async fn revoke_open_invites(tx: &mut Tx, id: Uuid, now: DateTime<Utc>) -> Result<(), AppError> {
    on_db!(tx, |tx| sqlx::query(&format!(
        "UPDATE invites SET revoked_at = $1 WHERE relationship_id = $2 AND {OPEN_INVITES}"
    ))
    .bind(now)
    .bind(id.to_string())
    .execute(&mut **tx)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The secret of an invite's link: derived from its id, never stored (only its hash is, to find
/// the invite by); on SQLite the key is outside the database, so a copy of it holds no link
/// that works (see SECURITY.md for PostgreSQL).
fn invite_token(ctx: &ServerContext, invite: &str) -> String {
    ctx.link_token("invite", invite)
}

async fn insert_invite(
    ctx: &ServerContext,
    tx: &mut Tx,
    id: Uuid,
    inviter: &Caller,
    invitee_role: Role,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let invite = Uuid::now_v7().to_string();
    let token_hash = hash(&invite_token(ctx, &invite));
    on_db!(tx, |tx| {
        sqlx::query(
        "INSERT INTO invites (id, token_hash, relationship_id, inviter_id, invitee_role, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&invite)
    .bind(&token_hash)
    .bind(id.to_string())
    .bind(inviter.id.to_string())
    .bind(invitee_role.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Starts a relationship with the caller in `role`, and an invite for the other role.
pub async fn start(
    ctx: &ServerContext,
    caller: &Caller,
    role: &str,
    title: &str,
) -> Result<Uuid, AppError> {
    let (role, title) = match (Role::parse(role), RelationshipTitle::parse(title)) {
        (Ok(role), Ok(title)) => (role, title),
        (role, title) => {
            return Err(AppError::Invalid(
                [role.err(), title.err()].into_iter().flatten().collect(),
            ))
        }
    };
    let id = Uuid::now_v7();
    let now = Utc::now();
    let mut tx = ctx.writer.begin().await?;
    on_db!(&mut tx, |tx| {
        sqlx::query(
            "INSERT INTO relationships (id, title, created_by, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.to_string())
        .bind(title.as_ref().map(RelationshipTitle::as_str))
        .bind(caller.id.to_string())
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO memberships (relationship_id, user_id, role, joined_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id.to_string())
        .bind(caller.id.to_string())
        .bind(role.as_str())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    });
    insert_invite(ctx, &mut tx, id, caller, role.partner(), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces any open invite with a fresh one, while the relationship still lacks a partner.
pub async fn new_invite(ctx: &ServerContext, caller: &Caller, id: Uuid) -> Result<(), AppError> {
    let standing = standing(ctx, caller, id).await?;
    if standing.ended {
        return Err(AppError::Ended);
    }
    if standing.paired {
        return Err(AppError::AlreadyPaired);
    }
    let role: (String,) = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT role FROM memberships WHERE relationship_id = $1 AND user_id = $2"
    )
    .bind(id.to_string())
    .bind(caller.id.to_string())
    .fetch_one(db)
    .await)?;
    let role = Role::parse(&role.0).map_err(|_| AppError::Internal)?;
    let now = Utc::now();
    let mut tx = ctx.writer.begin().await?;
    revoke_open_invites(&mut tx, id, now).await?;
    insert_invite(ctx, &mut tx, id, caller, role.partner(), now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn revoke_invite(ctx: &ServerContext, caller: &Caller, id: Uuid) -> Result<(), AppError> {
    standing(ctx, caller, id).await?;
    let mut tx = ctx.writer.begin().await?;
    revoke_open_invites(&mut tx, id, Utc::now()).await?;
    Ok(tx.commit().await?)
}

/// Ends the relationship for both; it stays readable. Ending twice keeps the first date.
pub async fn end(ctx: &ServerContext, caller: &Caller, id: Uuid) -> Result<(), AppError> {
    standing(ctx, caller, id).await?;
    let now = Utc::now();
    let mut tx = ctx.writer.begin().await?;
    let ended = on_db!(&mut tx, |tx| {
        sqlx::query(
            "UPDATE relationships SET ended_at = $1, ended_by = $2
             WHERE id = $3 AND ended_at IS NULL",
        )
        .bind(now)
        .bind(caller.id.to_string())
        .bind(id.to_string())
        .execute(&mut **tx)
        .await
        .map(|r| r.rows_affected())
    })?;
    revoke_open_invites(&mut tx, id, now).await?;
    tx.commit().await?;
    if ended == 1 {
        ctx.hints.relationship_changed(ctx, id).await;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct InviteRow {
    relationship_id: String,
    inviter_id: String,
    inviter_name: String,
    invitee_role: String,
    title: Option<String>,
    ended_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    declined_at: Option<DateTime<Utc>>,
}

impl InviteRow {
    fn times(&self) -> InviteTimes {
        InviteTimes {
            created_at: self.created_at,
            used_at: self.used_at,
            revoked_at: self.revoked_at,
            declined_at: self.declined_at,
        }
    }

    /// Why `caller` cannot use this invite now, if anything stops them.
    fn problem(&self, caller: &Caller, now: DateTime<Utc>) -> Option<InviteProblem> {
        if self.inviter_id == caller.id.to_string() {
            return Some(InviteProblem::Own);
        }
        match self.times().state(now) {
            InviteState::Open if self.ended_at.is_some() => Some(InviteProblem::RelationshipEnded),
            InviteState::Open => None,
            InviteState::Expired => Some(InviteProblem::Expired),
            InviteState::Used => Some(InviteProblem::Used),
            InviteState::Revoked => Some(InviteProblem::Revoked),
            InviteState::Declined => Some(InviteProblem::Declined),
        }
    }
}

/// Invite tokens are 64 hex digits; anything else is not looked up.
fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

async fn find_invite(ctx: &ServerContext, token: &str) -> Result<InviteRow, AppError> {
    if !well_formed(token) {
        return Err(AppError::Invite(InviteProblem::Unknown));
    }
    let row: Option<InviteRow> = on_db!(&ctx.pool, |db| {
        sqlx::query_as(
        "SELECT i.relationship_id, i.inviter_id, u.display_name AS inviter_name, i.invitee_role,
                r.title, r.ended_at, i.created_at, i.used_at, i.revoked_at, i.declined_at
         FROM invites i JOIN users u ON u.id = i.inviter_id JOIN relationships r ON r.id = i.relationship_id
         WHERE i.token_hash = $1",
    )
    .bind(hash(token))
    .fetch_optional(db).await
    })?;
    row.ok_or(AppError::Invite(InviteProblem::Unknown))
}

/// What the invitee needs to decide: who invites them, to which role.
pub async fn invite(
    ctx: &ServerContext,
    caller: &Caller,
    token: &str,
) -> Result<InviteView, AppError> {
    let row = find_invite(ctx, token).await?;
    if let Some(problem) = row.problem(caller, Utc::now()) {
        return Err(AppError::Invite(problem));
    }
    let in_place_of: Option<(String,)> = on_db!(&ctx.pool, |db| sqlx::query_as(&format!(
        "SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.relationship_id = $1 AND m.role = $2 AND {STAND_IN}"
    ))
    .bind(&row.relationship_id)
    .bind(&row.invitee_role)
    .fetch_optional(db)
    .await)?;
    Ok(InviteView {
        in_place_of: in_place_of.map(|(name,)| name),
        inviter_name: row.inviter_name.clone(),
        your_role: Role::parse(&row.invitee_role).map_err(|_| AppError::Internal)?,
        title: row.title.clone(),
        expires_at: row.times().expires_at(),
    })
}

/// Accepts (joining the relationship) or declines an invite; either uses it up.
pub async fn respond(
    ctx: &ServerContext,
    caller: &Caller,
    token: &str,
    accept: bool,
) -> Result<Option<Uuid>, AppError> {
    let row = find_invite(ctx, token).await?;
    let now = Utc::now();
    if let Some(problem) = row.problem(caller, now) {
        return Err(AppError::Invite(problem));
    }
    let mut tx = ctx.writer.begin().await?;
    // The relationship's row first, as `end` takes it before the invites: taken in the other
    // order, an accept and an end at the same moment would wait for each other (PostgreSQL
    // ends one of them). It is also where an end that came first shows.
    if accept {
        // An imported relationship keeps the day it started.
        let open = on_db!(&mut tx, |tx| sqlx::query(
            "UPDATE relationships SET started_at = COALESCE(started_at, $1)
             WHERE id = $2 AND ended_at IS NULL"
        )
        .bind(now)
        .bind(&row.relationship_id)
        .execute(&mut **tx)
        .await
        .map(|r| r.rows_affected()))?;
        if open != 1 {
            return Err(AppError::Invite(InviteProblem::RelationshipEnded));
        }
    }
    // Claiming the invite takes the write lock (SQLite's, or the invite row's), so two people
    // accepting at once cannot both succeed.
    let column = if accept {
        "used_at = $1, used_by = $2"
    } else {
        "declined_at = $1, used_by = $2"
    };
    let claimed = on_db!(&mut tx, |tx| sqlx::query(&format!(
        "UPDATE invites SET {column} WHERE token_hash = $3 AND {OPEN_INVITES}"
    ))
    .bind(now)
    .bind(caller.id.to_string())
    .bind(hash(token))
    .execute(&mut **tx)
    .await
    .map(|r| r.rows_affected()))?;
    if claimed != 1 {
        return Err(AppError::Invite(InviteProblem::Used));
    }
    if !accept {
        tx.commit().await?;
        return Ok(None);
    }
    let joined = match stand_in(&mut tx, &row.relationship_id, &row.invitee_role).await? {
        Some(stand_in) => take_over(&mut tx, &row.relationship_id, &stand_in, caller, now).await?,
        None => on_db!(&mut tx, |tx| sqlx::query(
            "INSERT INTO memberships (relationship_id, user_id, role, joined_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&row.relationship_id)
        .bind(caller.id.to_string())
        .bind(&row.invitee_role)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map(|r| r.rows_affected()))?,
    };
    if joined != 1 {
        return Err(AppError::AlreadyPaired);
    }
    tx.commit().await?;
    let id = Uuid::parse_str(&row.relationship_id).map_err(|_| AppError::Internal)?;
    ctx.hints.relationship_changed(ctx, id).await;
    Ok(Some(id))
}

/// The account standing in for `role` in an imported relationship, if one does.
async fn stand_in(tx: &mut Tx, relationship: &str, role: &str) -> Result<Option<String>, AppError> {
    let row: Option<(String,)> = on_db!(tx, |tx| sqlx::query_as(&format!(
        "SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.relationship_id = $1 AND m.role = $2 AND {STAND_IN}"
    ))
    .bind(relationship)
    .bind(role)
    .fetch_optional(&mut **tx)
    .await)?;
    Ok(row.map(|(id,)| id))
}

/// The partner joins again in the place of the account that stood in for them: its membership,
/// its records (so that what they wrote is theirs to change again) and its share of the
/// relationship's room become theirs, and the stand-in is gone. Returns how many memberships
/// were taken over: one.
async fn take_over(
    tx: &mut Tx,
    relationship: &str,
    stand_in: &str,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let me = caller.id.to_string();
    Ok(on_db!(tx, |tx| {
        let joined = sqlx::query(
            "UPDATE memberships SET user_id = $1, joined_at = $2
             WHERE relationship_id = $3 AND user_id = $4",
        )
        .bind(&me)
        .bind(now)
        .bind(relationship)
        .bind(stand_in)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        for table in ["records", "relationship_usage"] {
            sqlx::query(&format!(
                "UPDATE {table} SET author_id = $1 WHERE relationship_id = $2 AND author_id = $3"
            ))
            .bind(&me)
            .bind(relationship)
            .bind(stand_in)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query(
            "DELETE FROM users WHERE id = $1
             AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = $1)",
        )
        .bind(stand_in)
        .execute(&mut **tx)
        .await?;
        joined
    }))
}
