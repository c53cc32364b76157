//! Erasing an account: what only its owner had goes, what they shared stays with the partner.

use crate::{
    error::AppError,
    on_db,
    server::{db::Backend, ServerContext},
};
use chrono::Utc;
use uuid::Uuid;

/// Erases `user`'s account in one transaction and returns the relationships a partner keeps.
///
/// A relationship nobody else is in (nobody joined, or the partner deleted their account
/// before) goes with everything in it. One with a partner ends; the
/// person's private records (drafts, own notes) are erased and their shared ones stay, shown as
/// a former member's. The row stays for those records' authorship, with its e-mail replaced so
/// that it is free for a new account. It runs under the versions' lock, as pushes do, so that
/// no push of the account's lands between its steps.
pub async fn erase(ctx: &ServerContext, user: Uuid) -> Result<Vec<Uuid>, AppError> {
    let user = user.to_string();
    let now = Utc::now();
    let (mut tx, _) = ctx.writer.begin_versions().await?;
    // The relationships' rows first, as an invite's acceptance takes them (SQLite's one write
    // lock covers this already): an acceptance then waits, and finds the relationship gone.
    if let Backend::Postgres(tx) = &mut tx {
        sqlx::query(
            "SELECT id FROM relationships WHERE id IN
                (SELECT relationship_id FROM memberships WHERE user_id = $1)
             ORDER BY id FOR UPDATE",
        )
        .bind(&user)
        .execute(&mut **tx)
        .await?;
    }
    // The account is marked first, so that a partner deleting theirs at the same time counts
    // this one as gone whichever of the two commits first.
    on_db!(&mut tx, |tx| sqlx::query(
        "UPDATE users SET email = 'deleted:' || id, display_name = '', password_hash = '',
                          deleted_at = $1
         WHERE id = $2",
    )
    .bind(now)
    .bind(&user)
    .execute(&mut **tx)
    .await
    .map(|r| r.rows_affected()))?;
    // The other members whose accounts are not deleted.
    let theirs: Vec<(String, i64)> = on_db!(&mut tx, |tx| sqlx::query_as(
        "SELECT m.relationship_id,
                (SELECT COUNT(*) FROM memberships o JOIN users u ON u.id = o.user_id
                 WHERE o.relationship_id = m.relationship_id AND o.user_id <> $1
                   AND u.deleted_at IS NULL)
         FROM memberships m WHERE m.user_id = $1"
    )
    .bind(&user)
    .fetch_all(&mut **tx)
    .await)?;
    let mut kept = Vec::new();
    for (relationship, others) in theirs {
        if others > 0 {
            // Paired, so no invite of it is open.
            on_db!(&mut tx, |tx| sqlx::query(
                "UPDATE relationships SET ended_at = $1, ended_by = $2
                 WHERE id = $3 AND ended_at IS NULL",
            )
            .bind(now)
            .bind(&user)
            .bind(&relationship)
            .execute(&mut **tx)
            .await
            .map(|r| r.rows_affected()))?;
            kept.push(Uuid::parse_str(&relationship).map_err(|_| AppError::Internal)?);
        } else {
            on_db!(&mut tx, |tx| {
                for statement in [
                    "DELETE FROM record_fields WHERE relationship_id = $1",
                    "DELETE FROM records WHERE relationship_id = $1",
                    "DELETE FROM relationship_usage WHERE relationship_id = $1",
                    "DELETE FROM invites WHERE relationship_id = $1",
                    "DELETE FROM calendar_feeds WHERE relationship_id = $1",
                    "DELETE FROM memberships WHERE relationship_id = $1",
                    "DELETE FROM relationships WHERE id = $1",
                ] {
                    sqlx::query(statement)
                        .bind(&relationship)
                        .execute(&mut **tx)
                        .await?;
                }
            });
        }
    }
    on_db!(&mut tx, |tx| {
        sqlx::query(
            "DELETE FROM record_fields WHERE record_id IN
                (SELECT id FROM records WHERE author_id = $1 AND private = $2)",
        )
        .bind(&user)
        .bind(true)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM records WHERE author_id = $1 AND private = $2")
            .bind(&user)
            .bind(true)
            .execute(&mut **tx)
            .await?;
        for statement in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM known_devices WHERE user_id = $1",
            "DELETE FROM calendar_feeds WHERE user_id = $1",
        ] {
            sqlx::query(statement)
                .bind(&user)
                .execute(&mut **tx)
                .await?;
        }
    });
    tx.commit().await?;
    Ok(kept)
}
