//! How a relationship and a role are named on every page.

use crate::{
    i18n::I18n,
    relationships::{RelationshipMsg, RelationshipView, Role},
};

/// The heading of a relationship: its title, else who it is with.
pub fn relationship_name(i18n: I18n, r: &RelationshipView) -> String {
    match (&r.title, &r.partner_name) {
        (Some(title), _) => title.clone(),
        (None, Some(partner)) => i18n.fmt(RelationshipMsg::MentoringWith, &[partner]),
        (None, None) => i18n.t(RelationshipMsg::NewRelationship).to_owned(),
    }
}

pub fn role_name(i18n: I18n, role: Role) -> &'static str {
    match role {
        Role::Mentor => i18n.t(RelationshipMsg::RoleMentor),
        Role::Mentee => i18n.t(RelationshipMsg::RoleMentee),
    }
}

/// One line saying where the relationship stands: waiting, since when, or ended.
pub fn relationship_status(i18n: I18n, r: &RelationshipView) -> String {
    match (r.ended_at, r.started_at) {
        (Some(ended), _) => i18n.fmt(RelationshipMsg::EndedOn, &[&i18n.date(ended)]),
        (None, Some(started)) => i18n.fmt(RelationshipMsg::StartedOn, &[&i18n.date(started)]),
        (None, None) => i18n.t(RelationshipMsg::WaitingForPartner).to_owned(),
    }
}
