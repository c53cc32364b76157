//! A session's check-in in one line, for the roadmap's past sessions.

use super::{kind::Checkin, messages::CheckinMsg};
use crate::{i18n::I18n, relationships::Role, sync::Replica};
use uuid::Uuid;

/// "Check-in: you (4 out of 5) and Menno", or `None` while nobody has checked in.
pub fn checkin_line(
    i18n: I18n,
    replica: &Replica,
    relationship: Uuid,
    session: Uuid,
    me: Role,
    partner: Option<String>,
) -> Option<String> {
    let people: Vec<String> = [me, me.partner()]
        .into_iter()
        .filter_map(|role| {
            let answers = Checkin::answers(replica, relationship, session, role)?.checkin;
            let name = match role == me {
                true => i18n.t(CheckinMsg::YouLower).to_owned(),
                false => partner
                    .clone()
                    .unwrap_or_else(|| i18n.t(CheckinMsg::Partner).to_owned()),
            };
            Some(match answers.rating {
                Some(n) => format!(
                    "{name} ({})",
                    i18n.fmt(CheckinMsg::RatingN, &[&n.to_string()])
                ),
                None => name,
            })
        })
        .collect();
    (!people.is_empty()).then(|| {
        i18n.fmt(
            CheckinMsg::CheckedInBy,
            &[&people.join(i18n.t(CheckinMsg::AndJoin))],
        )
    })
}
