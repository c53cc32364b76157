//! A session's page: when it is, its notes, and the check-in at its end.

use super::{form::CheckinForm, messages::CheckinMsg, served_view::SessionGoals, summary::Summary};
use crate::{
    i18n::{use_i18n, Msg},
    notes::SessionNotes,
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    roadmap::{sessions, when, RoadmapMsg, Session},
    sync::engine::use_sync,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

#[component]
pub fn SessionPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <SessionView live /> }.into_any() /> }
}

/// Where a session stands among the relationship's sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub session: Session,
    /// 1 for the first.
    pub number: usize,
    /// The session after it, if one is planned.
    pub next: Option<Session>,
}

/// What the check-in's parts share.
#[derive(Clone, Copy)]
pub struct Context {
    pub relationship: Uuid,
    pub session: Uuid,
    pub me: Role,
    pub partner: Signal<Option<String>>,
    pub place: Memo<Option<Place>>,
    pub ended: Signal<bool>,
}

impl Context {
    /// What to call `role`'s person: "You" or the partner's name.
    pub fn name(self, i18n: crate::i18n::I18n, role: Role) -> String {
        if role == self.me {
            return i18n.t(CheckinMsg::You).to_owned();
        }
        self.partner
            .get()
            .unwrap_or_else(|| i18n.t(CheckinMsg::Partner).to_owned())
    }
}

#[component]
fn SessionView(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let params = use_params_map();
    let session = params
        .with_untracked(|p| p.get("session").and_then(|s| Uuid::parse_str(&s).ok()))
        .unwrap_or_default();
    let (relationship, r) = (live.id, live.view);
    // `None` until the device is read; then `Some(None)` for a session that is not there.
    let place = Memo::new(move |_| {
        sync.device.with(|d| {
            let all = sessions(&d.as_ref()?.local, relationship);
            let at = all.iter().position(|s| s.id == session);
            Some(at.map(|n| Place {
                session: all[n].clone(),
                number: n + 1,
                next: all.get(n + 1).cloned(),
            }))
        })
    });
    let context = Context {
        relationship,
        session,
        me: live.me,
        partner: live.partner(),
        place: Memo::new(move |_| place.get().flatten()),
        ended: live.ended(),
    };
    // Only whether the session is there: the parts below follow its changes themselves, and
    // rebuilding them would lose what someone is typing.
    let found = Memo::new(move |_| place.with(|p| p.as_ref().map(Option::is_some)));
    let heading = move || {
        context.place.with(|p| match p {
            Some(p) => format!(
                "{}: {}",
                i18n.fmt(RoadmapMsg::SessionN, &[&p.number.to_string()]),
                when(i18n, &p.session)
            ),
            None => i18n.t(RoadmapMsg::Title).to_owned(),
        })
    };
    view! {
        <section class="panel">
            <p class="crumb">
                <a href=format!("/r/{relationship}")>{move || r.with(|r| relationship_name(i18n, r))}</a>
                " › "
                <a href=format!("/r/{relationship}/roadmap")>{i18n.tr(RoadmapMsg::Title)}</a>
            </p>
            <h1>{heading}</h1>
            <p hidden=move || context.place.with(|p| p.as_ref().is_none_or(|p| p.session.theme.is_empty()))>
                {move || context.place.with(|p| p.as_ref().map(|p| p.session.theme.clone()))}
            </p>
        </section>
        {move || match found.get() {
            None => view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }.into_any(),
            Some(false) => view! {
                <p class="panel" role="status">{i18n.tr(CheckinMsg::NoSuchSession)}</p>
            }.into_any(),
            Some(true) => view! {
                <SessionGoals context />
                <SessionNotes relationship session me=context.me ended=context.ended />
                <section class="panel" aria-labelledby="checkin-heading">
                    <h2 id="checkin-heading">{i18n.tr(CheckinMsg::Title)}</h2>
                    <p>{i18n.tr(CheckinMsg::Intro)}</p>
                    <CheckinForm context />
                    <Summary context />
                </section>
            }.into_any(),
        }}
    }
}
