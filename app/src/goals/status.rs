//! The goals in a line, for the relationship's page, with the way to them.

use super::{
    kind::{read_all, Status},
    messages::GoalMsg,
};
use crate::{i18n::use_i18n, sync::engine::use_sync};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn GoalsStatus(relationship: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let summary = move || {
        sync.device.with(|d| {
            let (goals, _) = d.as_ref().map(|d| read_all(&d.local, relationship))?;
            let count = |status: Status| {
                goals
                    .iter()
                    .filter(|g| g.status == status)
                    .count()
                    .to_string()
            };
            Some(i18n.fmt(
                GoalMsg::GoalsSummary,
                &[&count(Status::Active), &count(Status::Achieved)],
            ))
        })
    };
    view! {
        <section class="panel">
            <h2>{i18n.tr(GoalMsg::Title)}</h2>
            <p>{summary}</p>
            <a class="button secondary" href=format!("/r/{relationship}/goals")>
                {i18n.tr(GoalMsg::OpenGoals)}
            </a>
        </section>
    }
}
