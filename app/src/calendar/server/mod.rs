//! The calendar on the server: a relationship's sessions read from the database and written as
//! iCalendar, for a member's download and for a subscription link's calendar app.

pub mod feeds;
pub mod ics;
mod zone;

use super::messages::answered::CalendarWords;
use crate::{
    agreement::Agreement,
    error::AppError,
    i18n::Locale,
    on_db,
    roadmap::{agenda_items, Session},
    server::ServerContext,
    sync::{
        declare::{deleted, RecordKind},
        replica::Replica,
        schema::DELETED,
        Change, Hlc, Kind,
    },
};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ics::{Meeting, Sessions};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// A relationship's calendar, with what a conditional request compares.
pub struct Calendar {
    pub text: String,
    /// Whether the pair gave a time zone (one the server knows): without, times float.
    pub zoned: bool,
    pub etag: String,
    pub last_modified: DateTime<Utc>,
}

/// The relationship's sessions as a calendar in `locale`.
pub async fn of_relationship(
    ctx: &ServerContext,
    relationship: Uuid,
    locale: Locale,
) -> Result<Calendar, AppError> {
    let rows: Vec<(String, String, String, String, String, i64)> = on_db!(&ctx.pool, |db| {
        sqlx::query_as(
            "SELECT r.id, r.kind, f.field, f.value, f.hlc, f.version
             FROM records r JOIN record_fields f ON f.record_id = r.id
             WHERE r.relationship_id = $1 AND r.private = $2
               AND r.kind IN ('session', 'agenda_item', 'agreement')",
        )
        .bind(relationship.to_string())
        .bind(false)
        .fetch_all(db)
        .await
    })?;
    let title: Option<(Option<String>,)> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT title FROM relationships WHERE id = $1"
    )
    .bind(relationship.to_string())
    .fetch_optional(db)
    .await)?;
    let mut replica = Replica::default();
    // Each record's latest version (its changes' order on the server) and latest stamp.
    let mut latest: HashMap<Uuid, (i64, u64)> = HashMap::new();
    for (id, kind, field, value, hlc, version) in rows {
        let bad = || {
            tracing::error!(record = %id, "unreadable stored change");
            AppError::Internal
        };
        let record = Uuid::parse_str(&id).map_err(|_| bad())?;
        let hlc: Hlc = hlc.parse().map_err(|_| bad())?;
        let value = serde_json::from_str(&value).map_err(|_| bad())?;
        let seen = latest.entry(record).or_default();
        *seen = (seen.0.max(version), seen.1.max(hlc.millis));
        replica.apply(&Change {
            record,
            relationship,
            kind: Kind::from(kind),
            private: false,
            field,
            value,
            hlc,
        });
    }
    let terms = Agreement::read(&replica, relationship).terms;
    let zone = terms.time_zone.trim().parse::<Tz>().ok();
    let meetings = meetings(&replica, relationship, &latest);
    let name = title
        .and_then(|(t,)| t)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Tandem".to_owned());
    let link = format!("{}/r/{relationship}/sessions/", ctx.base_url);
    let text = ics::write(&Sessions {
        name: &name,
        zone,
        link: &link,
        untitled: CalendarWords::Untitled.text(locale),
        agenda_title: CalendarWords::Agenda.text(locale),
        meetings: &meetings,
    });
    // Over every record read (the agreement's time zone too), and never later than now: stamps
    // come from devices' clocks.
    let last_modified = latest
        .values()
        .map(|(_, millis)| *millis)
        .max()
        .and_then(|millis| DateTime::from_timestamp_millis(millis as i64))
        .unwrap_or(DateTime::UNIX_EPOCH)
        .min(Utc::now());
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&text))[..32]);
    Ok(Calendar {
        text,
        zoned: zone.is_some(),
        etag,
        last_modified,
    })
}

/// Every session, a deleted one as cancelled, with its agenda.
fn meetings(
    replica: &Replica,
    relationship: Uuid,
    latest: &HashMap<Uuid, (i64, u64)>,
) -> Vec<Meeting> {
    let items = agenda_items(replica, relationship);
    let stamp = |id: &Uuid| latest.get(id).copied().unwrap_or_default();
    let mut meetings: Vec<Meeting> = replica
        .of(relationship, &Session::SPEC.kind)
        .filter_map(|(id, record)| {
            // A deleted session is read as it was, to cancel it where calendars have it.
            let mut as_it_was = record.clone();
            as_it_was.fields.remove(DELETED);
            let session = Session::read(*id, &as_it_was)?;
            let agenda: Vec<_> = items.iter().filter(|i| i.session == *id).collect();
            let changed = agenda
                .iter()
                .map(|i| stamp(&i.id).1)
                .fold(stamp(id).1, u64::max);
            Some(Meeting {
                id: *id,
                date: session.date,
                time: session.time,
                minutes: session.minutes,
                theme: session.theme,
                place: session.place,
                agenda: agenda.into_iter().map(|i| i.text.clone()).collect(),
                cancelled: deleted(record),
                sequence: stamp(id).0,
                changed: DateTime::from_timestamp_millis(changed as i64).unwrap_or_default(),
            })
        })
        .collect();
    meetings.sort_by_key(|m| (m.date, m.time, m.id));
    meetings
}
